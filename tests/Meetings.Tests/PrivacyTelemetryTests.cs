using Google.Protobuf.WellKnownTypes;
using TocMesh.Meetings.V1;
using TocMesh.TestSupport;

namespace TocMesh.Meetings.Tests;

/// <summary>The names of the people in the meeting records never reach the logs or the traces, whatever the log level.</summary>
[Collection(nameof(ProcessWideTraces))]
public sealed class PrivacyTelemetryTests
{
    private const string SecretOwner = "Quentin Fixture-Privacy";

    [Fact]
    public async Task Reading_the_records_and_naming_a_follow_ups_owner_leaves_no_names_in_exported_logs_or_traces()
    {
        var telemetry = new TelemetryCapture();
        using var host = new MeetingsHost();
        host.WithDependencyDown("treaty").WithDependencyDown("techcoop")
            .WithSetting("Logging:LogLevel:Default", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Trace")
            .WithSetting("Logging:LogLevel:Microsoft.AspNetCore", "Trace")
            .WithServices(telemetry.AddTo);
        var secretariat = host.Meetings(TestKeys.Secretariat);
        var reader = host.Meetings(TestKeys.Partner);

        var workProgram = await secretariat.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" });
        var followUp = workProgram.FollowUps[0];
        await secretariat.UpdateFollowUpAsync(new UpdateFollowUpRequest
        {
            FollowUp = new FollowUp { Name = followUp.Name, Etag = followUp.Etag, Owner = SecretOwner },
            UpdateMask = new FieldMask { Paths = { "owner" } },
        });
        await RpcAssert.InvalidArgumentAsync(() => secretariat.UpdateFollowUpAsync(new UpdateFollowUpRequest
        {
            FollowUp = new FollowUp { Name = followUp.Name, Etag = followUp.Etag, Owner = SecretOwner + new string('x', 300) },
            UpdateMask = new FieldMask { Paths = { "owner" } },
        }).ResponseAsync, "follow_up.owner");
        var participants = (await reader.ListParticipantsAsync(new ListParticipantsRequest { MeetingId = "gtdot-ii" })).Participants;
        await reader.GetMeetingAsync(new GetMeetingRequest { MeetingId = "gtdot-ii" });
        await reader.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii" });
        await reader.ListElectionsAsync(new ListElectionsRequest { MeetingId = "gtdot-ii" });
        Assert.Equal(SecretOwner, (await reader.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" })).FollowUps[0].Owner);
        var report = await reader.RenderMeetingReportAsync(new RenderMeetingReportRequest { MeetingId = "gtdot-ii" });

        // Every person the records name: the responses carry them, the telemetry must not.
        var people = participants.Select(p => p.Person).Where(p => p.Length > 0).Distinct().ToArray();
        Assert.NotEmpty(people);
        Assert.Contains(people[0], report.Content);
        Assert.Contains(telemetry.Spans, s => s.Contains("UpdateFollowUp"));
        telemetry.AssertNoneContains([SecretOwner, "quentin", .. people]);
    }
}
