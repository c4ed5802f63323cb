using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TocMesh.Meetings.Data;
using TocMesh.Meetings.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using Google.Protobuf.WellKnownTypes;

namespace TocMesh.Meetings.Tests;

/// <summary>A correction of the seed reaches a database loaded from an earlier revision of it; what the secretariat changed since stays.</summary>
public class SeedRevisionTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task A_database_loaded_from_an_earlier_seed_takes_the_corrected_records_and_keeps_the_secretariats_changes()
    {
        string folder;
        string etag;
        using (var first = new MeetingsHost(provider: Provider))
        {
            folder = first.DataFolder;
            var client = first.Meetings(TestKeys.Secretariat);
            var summary = (await client.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" })).FollowUps.Single(f => f.Id == "distribute-components-summary");
            etag = (await client.UpdateFollowUpAsync(new UpdateFollowUpRequest
            {
                FollowUp = new FollowUp { Name = summary.Name, Etag = summary.Etag, Status = FollowUpStatus.Done },
                UpdateMask = new FieldMask { Paths = { "status" } },
            })).FollowUp.Etag;

            // The database as an earlier seed left it: the chair of the committee a guest, the seven
            // delegations' report missing, Mexico's support of one proposal only.
            using var scope = first.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
            await db.Meetings.Where(m => m.Id == "gtdot-ii").ExecuteUpdateAsync(s => s.SetProperty(m => m.SeedRevision, 1));
            await db.Set<Domain.Participant>().Where(p => p.MeetingId == "gtdot-ii" && p.Id == "clark").ExecuteUpdateAsync(s => s.SetProperty(p => p.Kind, Domain.ParticipantKind.Guest));
            await db.Set<Domain.Intervention>().Where(i => i.MeetingId == "gtdot-ii" && i.JointSpeakers.Count > 0).ExecuteDeleteAsync();
            await db.Set<Domain.Proposal>().Where(p => p.MeetingId == "gtdot-ii" && p.Id != "portal-in-gs-site").ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, Domain.ProposalStatus.Identified));
        }

        using var second = new MeetingsHost(dataFolder: folder, provider: Provider);
        var meetings = second.Meetings();
        var participants = (await meetings.ListParticipantsAsync(new ListParticipantsRequest { MeetingId = "gtdot-ii", Kind = ParticipantKind.Officer })).Participants;
        Assert.Equal("Graeme Clark", Assert.Single(participants).Person);
        var interventions = (await meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii" })).Interventions;
        Assert.Equal(52, interventions.Count);
        Assert.Single(interventions, i => i.JointSpeakers.Count == 6);
        var program = await meetings.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" });
        Assert.All(program.Proposals, p => Assert.Equal(ProposalStatus.UnderConsideration, p.Status));

        // The follow-up the secretariat closed is still closed, under the same etag.
        var followUp = program.FollowUps.Single(f => f.Id == "distribute-components-summary");
        Assert.Equal((FollowUpStatus.Done, etag), (followUp.Status, followUp.Etag));
        Assert.Equal(5, program.FollowUps.Count);

        // A restart at the seed's revision changes nothing.
        using (var scope = second.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<MeetingsDbContext>();
            await db.Set<Domain.Participant>().Where(p => p.MeetingId == "gtdot-ii" && p.Id == "clark").ExecuteUpdateAsync(s => s.SetProperty(p => p.Title, "changed since"));
        }

        using var third = new MeetingsHost(dataFolder: folder, provider: Provider);
        var clark = (await third.Meetings().ListParticipantsAsync(new ListParticipantsRequest { MeetingId = "gtdot-ii", Kind = ParticipantKind.Officer })).Participants.Single();
        Assert.Equal("changed since", clark.Title);
    }
}

public sealed class SeedRevisionTestsOnPostgres : SeedRevisionTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
