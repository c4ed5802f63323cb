using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Tests;

/// <summary>The wording of a count by its coverage, including the case no instrument of the reference data has today: no state's status recorded.</summary>
public sealed class RatificationSentencesTests
{
    private const string Name = "the Convention";

    [Fact]
    public void With_no_status_recorded_the_sentence_gives_no_count()
    {
        var none = new Coverage(34, [.. Enumerable.Range(0, 34).Select(i => $"S{i:D2}")]);
        Assert.Equal(CoverageLevel.None, none.Level);
        Assert.Equal("The status of the 34 OAS member states with respect to the Convention is not recorded.", RatificationSentences.Report(0, none, first: true, Name));
        Assert.Equal("The status of the 34 member states with respect to the Convention is not recorded.", RatificationSentences.Report(0, none, first: false, Name));
    }

    [Fact]
    public void With_full_coverage_the_count_reads_as_the_meeting_heard_it_and_zero_is_none()
    {
        var full = new Coverage(34, []);
        Assert.Equal("Twenty-nine OAS member states had ratified or acceded to the Convention.", RatificationSentences.Report(29, full, first: true, Name));
        Assert.Equal("One member state had ratified or acceded to the Convention.", RatificationSentences.Report(1, full, first: false, Name));
        Assert.Equal("No member state had ratified or acceded to the Convention.", RatificationSentences.Report(0, full, first: false, Name));
    }

    [Fact]
    public void With_partial_coverage_the_count_is_a_lower_bound_and_the_unknown_are_counted_apart()
    {
        var partial = new Coverage(34, ["BRB", "USA"]);
        Assert.Equal("At least 21 of the 34 member states had ratified or acceded to the Convention; the status of 2 is not recorded.",
            RatificationSentences.Report(21, partial, first: false, Name));
        Assert.Equal("Of the 34 member states, the 32 whose status is recorded had not ratified or acceded to the Convention; the status of 2 is not recorded.",
            RatificationSentences.Report(0, partial, first: false, Name));
        Assert.Equal(
            "As of March 1, 2004, at least 21 of the 34 member states had ratified or acceded to the Convention (the status of 2 is not recorded); "
            + "as of October 7, 2009, the status of the 34 member states with respect to the Convention is not recorded.",
            RatificationSentences.Comparison(new DateOnly(2004, 3, 1), 21, partial, new DateOnly(2009, 10, 7), 0, new Coverage(34, [.. Enumerable.Range(0, 34).Select(i => $"S{i:D2}")]), Name));
    }
}
