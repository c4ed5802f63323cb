namespace TocMesh.Treaty.Domain;

/// <summary>
/// How the count of consenting states on one instrument changed between two dates, who made the
/// difference (a state whose status is not recorded on either date is in neither list), the coverage
/// of each count, and the sentence.
/// </summary>
public sealed record CountChange(
    string InstrumentId, int From, int To, string[] Newly, string[] NoLonger, Coverage CoverageFrom, Coverage CoverageTo, string Sentence);
