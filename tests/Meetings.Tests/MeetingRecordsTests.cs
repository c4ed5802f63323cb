using Grpc.Core;
using TocMesh.Meetings.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;

namespace TocMesh.Meetings.Tests;

/// <summary>One Meetings service shared by the read-only tests of a class.</summary>
public class MeetingsFixture : IDisposable
{
    public MeetingsFixture()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected MeetingsFixture(DatabaseProvider provider) => Host = new MeetingsHost(provider: provider);

    public MeetingsHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, with Meetings on PostgreSQL.</summary>
public sealed class PostgresMeetingsFixture() : MeetingsFixture(DatabaseProvider.Postgres);

public class MeetingRecordsTests(MeetingsFixture fixture) : IClassFixture<MeetingsFixture>
{
    private MeetingsService.MeetingsServiceClient Meetings => fixture.Host.Meetings();

    [Fact]
    public async Task Both_meetings_of_the_group_are_listed_oldest_first()
    {
        var meetings = (await Meetings.ListMeetingsAsync(new ListMeetingsRequest())).Meetings;

        Assert.Equal(["gtdot-i", "gtdot-ii"], meetings.Select(m => m.Id));
        var first = meetings[0];
        Assert.Equal((2007, 0, 0), (first.StartDate.Year, first.StartDate.Month, first.StartDate.Day));
        Assert.Equal("Mexico City", first.Venue);
    }

    [Fact]
    public async Task The_second_meeting_records_its_date_mandate_predecessor_sessions_and_closing()
    {
        var meeting = (await Meetings.GetMeetingAsync(new GetMeetingRequest { MeetingId = "meetings/gtdot-ii" })).Meeting;

        Assert.Equal((2009, 10, 7), (meeting.StartDate.Year, meeting.StartDate.Month, meeting.StartDate.Day));
        Assert.Equal("AG/RES. 2490 (XXXIX-O/09)", meeting.MandateSymbol);
        Assert.Equal("San Pedro Sula", meeting.MandatePlace);
        Assert.Equal("meetings/gtdot-i", meeting.PreviousMeeting);
        Assert.Equal("13:30", meeting.ClosedAt);
        Assert.Equal("GT/DOT-II/doc.10/09", meeting.ParticipantsDocument);
        Assert.Equal([1, 3, 4, 5], meeting.Sessions.Select(s => s.Ordinal));
        Assert.Equal("institutional capacity building", meeting.Sessions.Single(s => s.Ordinal == 4).Topic);
        Assert.Equal(SessionKind.Closing, meeting.Sessions.Single(s => s.Ordinal == 5).Kind);
        Assert.Equal("Election of officers", Assert.Single(meeting.AgendaItems).Title);
    }

    [Fact]
    public async Task An_unknown_meeting_is_not_found_and_a_malformed_id_is_invalid()
    {
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => Meetings.GetMeetingAsync(new GetMeetingRequest { MeetingId = "gtdot-ix" }).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync(() => Meetings.GetMeetingAsync(new GetMeetingRequest { MeetingId = "GTDOT II!" }).ResponseAsync, "meeting_id");
        await RpcAssert.InvalidArgumentAsync(() => Meetings.GetMeetingAsync(new GetMeetingRequest()).ResponseAsync, "meeting_id");
    }

    [Fact]
    public async Task The_chair_and_vice_chair_were_nominated_seconded_and_elected_by_acclamation()
    {
        var elections = (await Meetings.ListElectionsAsync(new ListElectionsRequest { MeetingId = "gtdot-ii" })).Elections;

        Assert.Collection(elections,
            chair => Assert.Equal((Office.Chair, "tto", "mex", "jam", ElectionOutcome.Acclamation), (chair.Office, chair.Nominee, chair.NominatedBy, chair.SecondedBy, chair.Outcome)),
            vice => Assert.Equal((Office.ViceChair, "gtm", "can", "pry", ElectionOutcome.Acclamation, "the plenary"), (vice.Office, vice.Nominee, vice.NominatedBy, vice.SecondedBy, vice.Outcome, vice.ElectedBy)));
    }

    [Fact]
    public async Task Participants_are_delegations_officials_and_officers_of_other_organs_with_their_roles()
    {
        var participants = (await Meetings.ListParticipantsAsync(new ListParticipantsRequest { MeetingId = "gtdot-ii" })).Participants;

        var chair = Assert.Single(participants, p => p.Roles.Contains(ParticipantRole.Chair));
        Assert.Equal(("Roland Maunday", "TTO", ParticipantKind.Delegation), (chair.Person, chair.StateCode, chair.Kind));
        var vice = Assert.Single(participants, p => p.Roles.Contains(ParticipantRole.ViceChair));
        Assert.Equal("Francisco René Cuevas Tallardo", vice.Person);
        Assert.Contains(participants, p => p.Person == "Alexander Addor-Neto" && p.Title == "OAS Secretary for Multidimensional Security" && p.Honorific == "Ambassador" && p.ShortName == "Ambassador Addor-Neto");
        Assert.Equal("Mr.", chair.Honorific);
        Assert.Contains(participants, p => p.Person == "Graeme Clark" && p.Kind == ParticipantKind.Officer && p.Title == "Chair of the Committee on Hemispheric Security");

        var officials = (await Meetings.ListParticipantsAsync(new ListParticipantsRequest { MeetingId = "gtdot-ii", Kind = ParticipantKind.Official })).Participants;
        Assert.All(officials, p => Assert.Equal(ParticipantKind.Official, p.Kind));
        Assert.Contains(officials, p => p.Person == "Christopher Hernández-Roy");
        Assert.Contains(officials, p => p.Person == "Alison August-Treppel");
    }

    [Fact]
    public async Task Questions_are_linked_to_the_answers_the_general_secretariat_gave()
    {
        var interventions = (await Meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii", SessionOrdinal = 4 })).Interventions;

        var questions = interventions.Where(i => i.Kind == InterventionKind.Question).ToList();
        Assert.Equal(["ury", "bra", "chl", "usa"], questions.Select(q => q.Speaker));
        var budget = Assert.Single(interventions, i => i.Answers == questions[0].Sequence);
        Assert.Equal("general-secretariat", budget.Speaker);
        Assert.Contains("USD$92,000.00", budget.Summary);
        Assert.Contains(interventions, i => i.Answers == questions[1].Sequence && i.Summary.Contains("complete curriculum"));
        Assert.Contains(interventions, i => i.Answers == questions[2].Sequence && i.Summary.Contains("primary responsibility"));
    }

    [Fact]
    public async Task National_reports_link_the_legislation_and_instruments_they_name()
    {
        var reports = (await Meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii", Kind = InterventionKind.NationalReport })).Interventions;

        Assert.All(reports, r => Assert.Equal(3, r.SessionOrdinal));
        Assert.Contains(reports, r => r.Speaker == "cri" && r.Legislation.Contains("Costa Rica: Law against Organized Crime") && r.Summary.Contains("lifted bank secrecy"));
        Assert.Contains(reports, r => r.Speaker == "mex" && r.InstrumentIds.Contains("untoc-tip"));
        Assert.Contains(reports, r => r.Speaker == "ecu" && r.InstrumentIds.Contains("untoc-firearms"));
        Assert.Contains(reports, r => r.Speaker == "gtm" && r.Legislation.Count == 2);
        Assert.Contains(reports, r => r.Speaker == "nic" && r.Summary.Contains("accusatory criminal system"));
    }

    [Fact]
    public async Task Interventions_can_be_read_by_component_and_by_speaker()
    {
        var on42 = (await Meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii", ComponentNumber = "4.2" })).Interventions;
        Assert.Equal(["usa", "general-secretariat"], on42.Select(i => i.Speaker));

        var nicaragua = (await Meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii", Speaker = "nic" })).Interventions;
        var inLineWithPeru = Assert.Single(nicaragua, i => i.ComponentNumbers.Contains("4.1"));
        var peru = (await Meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii", Speaker = "per" })).Interventions;
        Assert.Contains(peru, p => p.Sequence == inLineWithPeru.Supports && p.Summary.Contains("rather than their adoption"));
    }

    [Fact]
    public async Task The_work_program_says_who_emphasized_each_component()
    {
        var program = await Meetings.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" });

        Assert.Equal("CP/CSH-1018/08", program.DocumentSymbol);
        Assert.Equal(["actions-2", "2.2", "2.4", "2.5", "3.2", "3.5", "4.1", "4.2", "4.3"], program.Components.Select(c => c.Number));
        Assert.Equal(["2.2", "2.4", "2.5", "3.2", "3.5", "4.1", "4.2", "4.3"], program.Components.Where(c => c.Identified).Select(c => c.Number));

        var actions2 = program.Components.Single(c => c.Number == "actions-2");
        Assert.Equal("Establishment of mechanisms to promote cooperation and information exchange", actions2.Text);
        Assert.Equal(["usa"], actions2.Positions.Select(p => p.Participant));

        var c42 = program.Components.Single(c => c.Number == "4.2");
        Assert.StartsWith("Encourage designation by the member states of national points of contact", c42.Text);
        Assert.Equal(["usa", "general-secretariat"], c42.Positions.Select(p => p.Participant));
        Assert.All(c42.Positions, p => Assert.Equal(Stance.Emphasized, p.Stance));

        Assert.Equal(["2.5"], program.Components.Single(c => c.Number == "2.4").ConsideredWith);
        var c41 = program.Components.Single(c => c.Number == "4.1");
        Assert.Contains(c41.Positions, p => p.Participant == "nic" && p.Stance == Stance.Commented);
        Assert.Contains("other 10 documents", c41.Notes);
        Assert.Contains("a legislative comparison of the countries of the Hemisphere", program.AlsoIdentified);
    }

    [Fact]
    public async Task Proposals_name_who_made_and_who_supported_them()
    {
        var proposals = (await Meetings.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" })).Proposals;

        var oneMeeting = proposals.Single(p => p.Id == "one-meeting-a-year");
        Assert.Equal(["arg"], oneMeeting.ProposedBy);
        Assert.Equal(["usa"], oneMeeting.SupportedBy);
        var portal = proposals.Single(p => p.Id == "portal-in-gs-site");
        Assert.Equal(["ecu"], portal.ProposedBy);
        Assert.Equal(["mex"], portal.SupportedBy);
        Assert.Contains("web page of the General Secretariat", portal.Text);
        Assert.Equal(["per", "nic"], proposals.Single(p => p.Id == "mla-directory").SupportedBy);
    }

    [Fact]
    public async Task Seven_delegations_reported_changes_to_their_points_of_contact_together_and_Ecuador_apart()
    {
        var opening = (await Meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii", SessionOrdinal = 1 })).Interventions;

        var joint = Assert.Single(opening, i => i.JointSpeakers.Count > 0);
        Assert.Equal(["mex", "per", "pry", "col", "gtm", "cri", "kna"], [joint.Speaker, .. joint.JointSpeakers]);
        Assert.Equal(["GT/DOT-II/doc.9/09"], joint.DocumentSymbols);
        Assert.Equal("GT/DOT-II/doc.9/09", Assert.Single(opening, i => i.Sequence == joint.Sequence - 1).DocumentSymbols.Single());

        // Ecuador only hoped to forward its information, later and on its own.
        var ecuador = (await Meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii", Speaker = "ecu" })).Interventions;
        var hoped = Assert.Single(ecuador, i => i.Summary.Contains("hoped to forward the points of contact information"));
        Assert.Equal((3, 0), (hoped.SessionOrdinal, hoped.JointSpeakers.Count));
        Assert.DoesNotContain(ecuador, i => i.Sequence == joint.Sequence);

        // A joint speaker's interventions include the joint one.
        var peru = (await Meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii", Speaker = "per" })).Interventions;
        Assert.Contains(peru, i => i.Sequence == joint.Sequence);
    }

    [Fact]
    public async Task Mexico_supported_the_proposals_peru_and_ecuador_had_just_made()
    {
        var closing = (await Meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-ii", SessionOrdinal = 5, Speaker = "mex" })).Interventions;
        var support = Assert.Single(closing, i => i.Kind == InterventionKind.Support);
        Assert.Equal("supported those proposals.", support.Summary);
        Assert.Equal((0, ""), (support.Supports, support.ProposalId));

        var proposals = (await Meetings.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" })).Proposals;
        var supported = proposals.Where(p => p.Interventions.Contains(support.Sequence)).ToList();
        Assert.Equal(["multisectoral-mechanisms", "implementation-not-adoption", "coordinate-with-remja", "portal-in-gs-site"], supported.Select(p => p.Id));
        Assert.All(supported, p => Assert.Contains("mex", p.SupportedBy));
        Assert.All(supported, p => Assert.True(p.Interventions.Min() < support.Sequence));

        // The records decide nothing about the proposals: none is said to be identified.
        Assert.All(proposals, p => Assert.Equal(ProposalStatus.UnderConsideration, p.Status));
    }

    [Fact]
    public async Task The_technical_secretariat_owes_the_committee_a_summary_of_the_components()
    {
        var followUps = (await Meetings.GetWorkProgramAsync(new GetWorkProgramRequest { MeetingId = "gtdot-ii" })).FollowUps;

        var summary = followUps.Single(f => f.Id == "distribute-components-summary");
        Assert.Equal((FollowUpKind.Decision, "the Technical Secretariat", FollowUpStatus.Open, "Committee on Hemispheric Security"),
            (summary.Kind, summary.Owner, summary.Status, summary.Addressee));
        Assert.Null(summary.DueDate);
        Assert.Contains(followUps, f => f.Id == "ecuador-points-of-contact" && f.Owner == "Ecuador" && f.Kind == FollowUpKind.Undertaking);
        Assert.NotEmpty(summary.Etag);
    }

    [Fact]
    public async Task What_the_seed_says_of_the_first_meeting_is_recorded()
    {
        var first = (await Meetings.GetMeetingAsync(new GetMeetingRequest { MeetingId = "gtdot-i" })).Meeting;

        Assert.Equal(1, first.Ordinal);
        Assert.Equal("First Meeting of the OAS Technical Group on Transnational Organized Crime", first.Title);
        Assert.Empty((await Meetings.ListInterventionsAsync(new ListInterventionsRequest { MeetingId = "gtdot-i" })).Interventions);
    }
}

public sealed class MeetingRecordsTestsOnPostgres(PostgresMeetingsFixture fixture) : MeetingRecordsTests(fixture), IClassFixture<PostgresMeetingsFixture>;
