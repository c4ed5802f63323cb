using TocMesh.Meetings.Application;
using TocMesh.Meetings.Application.Reports;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Tests;

/// <summary>
/// How the report introduces what Treaty says: the scope named for what it is, then Treaty's own words,
/// whether they count every state in scope or, where the records do not cover all, say "at least".
/// </summary>
public sealed class RatificationWordingTests
{
    private static readonly DateOnly MeetingDate = new(2009, 10, 7);
    private const string CountedMembers = "the 34 member states other than Cuba, whose government did not take part";

    private static string Passage(RatificationStatus status)
    {
        var meeting = new Meeting
        {
            Id = "m",
            Title = "Second Meeting",
            StartDate = MeetingDate,
            Participants = [new Participant { Id = "gs", Kind = ParticipantKind.Official, DisplayName = "the General Secretariat" }],
        };
        var presentation = new Intervention { Sequence = 1, Speaker = "gs", Kind = InterventionKind.Presentation, Summary = "presented the status.", DocumentSymbols = ["GT/X/doc.1/09"] };
        meeting.Interventions.Add(presentation);
        var document = new DocumentView(new Document { Symbol = "GT/X/doc.1/09", Title = "Status", Content = DocumentContent.RatificationStatus }, DocumentSymbol.Parse("GT/X/doc.1/09"), true, []);
        var register = new Dictionary<string, MemberStates.MemberStateInfo>
        {
            ["CUB"] = new("CUB", "CU", "Cuba", "Cuba", []),
            ["VEN"] = new("VEN", "VE", "Venezuela", "Venezuela", []),
        };
        var prose = new Prose(meeting, register);
        var inputs = new ReportInputs(
            new Dictionary<DocumentContent, DocumentView> { [DocumentContent.RatificationStatus] = document },
            new SourceOutcome<RatificationStatus>(status, null), null, null, null, new DateOnly(2026, 1, 1));
        return Assert.Single(new ComputedPassages(prose, inputs).After(presentation)).Text;
    }

    [Fact]
    public void A_partial_coverage_statement_from_treaty_follows_the_scope_as_treaty_words_it()
    {
        const string partial = "At least twenty of the 34 member states had ratified or acceded to CIFTA; the status of five is not recorded.";

        var text = Passage(new RatificationStatus(MeetingDate, CountedMembers, [new RatificationLine("cifta", "CIFTA", 20, partial)], partial));

        Assert.Equal("The status on October 7, 2009, as computed from the treaty records for the 34 member states other than Cuba, whose government did not take part, was as follows. " + partial, text);
    }

    [Fact]
    public void The_scope_is_named_as_treaty_names_it()
    {
        var all = Passage(new RatificationStatus(MeetingDate, "all 35 member states", [], "Thirty OAS member states had ratified or acceded to the Convention."));

        Assert.StartsWith("The status on October 7, 2009, as computed from the treaty records for all 35 member states, was as follows. Thirty OAS", all);
    }

    [Fact]
    public void Without_a_paragraph_the_sentences_are_run_on_in_order()
    {
        var text = Passage(new RatificationStatus(MeetingDate, CountedMembers,
            [new RatificationLine("a", "A", 29, "Twenty-nine OAS member states had ratified A."), new RatificationLine("b", "B", 3, "Three member states had ratified B.")], ""));

        Assert.EndsWith("was as follows. Twenty-nine OAS member states had ratified A. Three member states had ratified B.", text);
    }
}
