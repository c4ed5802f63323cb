using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>What an operator sees of the Directory in the dashboard: overdue change requests and the cache hit ratio.</summary>
public sealed class OperatorMetricsTests : IDisposable
{
    private const string Overdue = "tocmesh.directory.change_requests.overdue";
    private readonly TestClock _clock = new(new DateTimeOffset(2010, 1, 4, 10, 0, 0, TimeSpan.Zero));
    private readonly DirectoryHost _host;

    public OperatorMetricsTests() => _host = new DirectoryHost().WithClock(_clock);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task The_overdue_gauge_follows_due_dates_new_requests_and_resolutions()
    {
        using var metrics = new MetricRecorder(_host.Services, Overdue);
        await metrics.ObserveAsync(Overdue, r => r.Count == 1 && r[0].Value == 0);

        // The eight requests of the second meeting were due on 5 January 2010.
        _clock.Set(new DateTimeOffset(2010, 1, 6, 0, 0, 1, TimeSpan.Zero));
        await metrics.ObserveAsync(Overdue, r => r.Count == 1 && r[0].Value == 8);

        // Mexico's new point of contact resolves Mexico's request.
        await _host.Directory(TestKeys.MexicoEditor).CreateAsync(PointOfContact("MEX"), reason: "New point of contact");
        await metrics.ObserveAsync(Overdue, r => r.Count == 1 && r[0].Value == 7);

        // A request opened already past its due date counts at once.
        await _host.Directory(TestKeys.Secretariat).OpenChangeRequestAsync(new OpenChangeRequestRequest
        {
            ChangeRequest = new ChangeRequest
            {
                StateCode = "BRA",
                Role = ContactRole.MlaCentralAuthority,
                Description = "Announced a new central authority",
                OpenedOn = Date(2010, 1, 2),
                DueOn = Date(2010, 1, 5),
            },
        });
        await metrics.ObserveAsync(Overdue, r => r.Count == 1 && r[0].Value == 8);
    }

    [Fact]
    public async Task Cache_lookups_and_misses_are_counted_by_area()
    {
        // The real clock: the cache dates entries and invalidations by it.
        using var host = new DirectoryHost();
        using var metrics = new MetricRecorder(host.Services, "tocmesh.cache.lookups", "tocmesh.cache.misses");
        var request = new ListChangeRequestsRequest { SourceMeetingId = "gtdot-ii" };

        await host.Directory().ListChangeRequestsAsync(request);
        await host.Directory().ListChangeRequestsAsync(request);

        Assert.Equal(2, metrics.Sum("tocmesh.cache.lookups", "area", "change-requests"));
        Assert.Equal(1, metrics.Sum("tocmesh.cache.misses", "area", "change-requests"));
    }
}
