using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.EntityFrameworkCore;
using TocMesh.Directory.Data;
using TocMesh.Directory.Domain;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.Contracts;

namespace TocMesh.Directory.Application;

/// <summary>
/// Open change requests past their due date (<c>tocmesh.directory.change_requests.overdue</c>). A scrape
/// never waits for the database: it reads the last count, and when that count is older than
/// <see cref="MaxAge"/>, from another day, or made stale by a write, starts one bounded recount in the
/// background; the next scrape sees it.
/// </summary>
public sealed partial class OverdueChangeRequests : IHostedService
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(5);

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ILogger<OverdueChangeRequests> _logger;
    private Count? _last;
    private int _stale;
    private int _counting;

    public OverdueChangeRequests(IServiceScopeFactory scopes, TimeProvider clock, IMeterFactory meters, ServiceIdentity service, ILogger<OverdueChangeRequests> logger)
    {
        (_scopes, _clock, _logger) = (scopes, clock, logger);
        meters.Create(service.TelemetryName).CreateObservableGauge(
            "tocmesh.directory.change_requests.overdue", Observe, unit: "{change_request}",
            description: "Open change requests past their due date.");
    }

    /// <summary>A change request was opened or resolved: the next scrape recounts.</summary>
    public void Invalidate() => Volatile.Write(ref _stale, 1);

    // Counted once at start, so the first scrape already has a figure.
    public Task StartAsync(CancellationToken cancellationToken) => RecountAsync();

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<int>> Observe()
    {
        var last = Volatile.Read(ref _last);
        if (last is null || Volatile.Read(ref _stale) == 1 || last.Day != _clock.Today() || Stopwatch.GetElapsedTime(last.At) > MaxAge)
        {
            _ = RecountAsync();
        }

        return last is null ? [] : [new Measurement<int>(last.Overdue)];
    }

    private async Task RecountAsync()
    {
        if (Interlocked.Exchange(ref _counting, 1) == 1)
        {
            return;
        }

        try
        {
            Volatile.Write(ref _stale, 0);
            var today = _clock.Today();
            using var timeout = new CancellationTokenSource(QueryTimeout);
            await using var scope = _scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            var overdue = await db.ChangeRequests.CountAsync(r => r.Status == ChangeRequestStatus.Open && r.DueOn < today, timeout.Token);
            Volatile.Write(ref _last, new Count(overdue, today, Stopwatch.GetTimestamp()));
        }
        catch (Exception e) when (e is OperationCanceledException or DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            // The figure stays as it was; the next scrape tries again.
            Volatile.Write(ref _stale, 1);
            LogRecountFailed(_logger, e);
        }
        finally
        {
            Volatile.Write(ref _counting, 0);
        }
    }

    private sealed record Count(int Overdue, DateOnly Day, long At);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not count the overdue change requests; the gauge keeps its last figure")]
    private static partial void LogRecountFailed(ILogger logger, Exception exception);
}
