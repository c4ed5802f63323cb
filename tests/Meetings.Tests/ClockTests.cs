using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TocMesh.Meetings.Data;
using TocMesh.Meetings.V1;
using TocMesh.TestSupport;

namespace TocMesh.Meetings.Tests;

/// <summary>Meetings tells the time only by the registered clock: the dates it stamps on its records follow that clock when it moves.</summary>
public sealed class ClockTests
{
    private const string FollowUpName = "meetings/gtdot-ii/follow-ups/distribute-components-summary";

    [Fact]
    public async Task Seeding_registering_a_document_and_updating_a_follow_up_are_stamped_with_the_registered_clocks_time()
    {
        // Far from the real date, so a stamp taken from the system clock cannot pass for it.
        var seededAt = new DateTimeOffset(2031, 5, 4, 9, 30, 0, TimeSpan.Zero);
        var clock = new MovableClock(seededAt);
        using var host = new MeetingsHost();
        host.WithServices(services => services.AddSingleton<TimeProvider>(clock));
        var secretariat = host.Meetings(TestKeys.Secretariat);
        var followUp = (await secretariat.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" })).FollowUps.Single(f => f.Name == FollowUpName);

        var seededBy = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromDays(40));
        var registeredFrom = clock.GetUtcNow();
        await secretariat.RegisterDocumentAsync(new RegisterDocumentRequest
        {
            RequestId = "clock-1",
            Document = new Document { Symbol = new DocumentSymbol { Normalized = "GT/DOT-II/doc.11/09" }, Title = "Draft report", MeetingId = "gtdot-ii" },
        });
        var registeredBy = clock.GetUtcNow();

        clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(2));
        var updatedFrom = clock.GetUtcNow();
        await secretariat.UpdateFollowUpAsync(new UpdateFollowUpRequest
        {
            FollowUp = new FollowUp { Name = FollowUpName, Etag = followUp.Etag, Status = FollowUpStatus.Done },
            UpdateMask = FieldMask.FromString("status"),
        });
        var updatedBy = clock.GetUtcNow();

        // The clock runs at the real pace from where the test puts it, so each stamp lies between the
        // clock's readings just before and just after the call; the system clock is years away.
        // The stamps are not in the contract; they are read where the service keeps them.
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
        var documents = await db.Documents.AsNoTracking().ToDictionaryAsync(d => d.Symbol);
        var seeded = documents.Values.Where(d => d.RegisteredBy == "seed").ToList();
        Assert.Equal(8, seeded.Count);
        Assert.All(seeded, d => Assert.InRange(d.RegisteredAt, seededAt, seededBy));
        Assert.InRange(documents["GT/DOT-II/doc.11/09"].RegisteredAt, registeredFrom, registeredBy);
        var updated = await db.FollowUps.AsNoTracking().SingleAsync(f => f.MeetingId == "gtdot-ii" && f.Id == "distribute-components-summary");
        Assert.NotNull(updated.UpdatedAt);
        Assert.InRange(updated.UpdatedAt.Value, updatedFrom, updatedBy);
    }
}
