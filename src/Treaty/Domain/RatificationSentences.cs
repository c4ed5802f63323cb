using System.Globalization;

namespace TocMesh.Treaty.Domain;

/// <summary>
/// Counts of consenting states in sentences that never state more than the data supports: with full
/// coverage the count as a meeting report says it ("Twenty-nine OAS member states had ratified or
/// acceded to the Convention."); with partial coverage what is known and that it is partial ("At least
/// 21 of the 34 member states had ratified ...; the status of 12 is not recorded."); with none, no count.
/// </summary>
public static class RatificationSentences
{
    /// <summary>
    /// The sentence of one instrument in a report. The first sentence of a report names the
    /// organization ("OAS member states"); the following ones say "member states".
    /// </summary>
    public static string Report(int consented, Coverage coverage, bool first, string instrumentName) =>
        CountInWords.Capitalize(Clause(consented, coverage, first ? "OAS " : "", instrumentName, u => $"; the status of {u} is not recorded")) + ".";

    /// <summary>"As of October 7, 2009, twenty-nine member states had ratified ...; as of December 31, 2011, thirty-one member states had ...".</summary>
    public static string Comparison(DateOnly from, int countFrom, Coverage coverageFrom, DateOnly to, int countTo, Coverage coverageTo, string instrumentName)
    {
        static string Tail(int u) => $" (the status of {u} is not recorded)";
        return $"As of {Prose(from)}, {Clause(countFrom, coverageFrom, "", instrumentName, Tail)}; "
            + $"as of {Prose(to)}, {Clause(countTo, coverageTo, "", instrumentName, Tail)}.";
    }

    /// <summary>A date as the organization writes it: "October 7, 2009".</summary>
    public static string Prose(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    private static string Clause(int consented, Coverage coverage, string organization, string instrument, Func<int, string> unknownTail)
    {
        var n = coverage.StatesInScope;
        var unknown = coverage.Unknown.Length;
        return coverage.Level switch
        {
            CoverageLevel.None => n == 1
                ? $"the status of the {organization}member state with respect to {instrument} is not recorded"
                : $"the status of the {n} {organization}member states with respect to {instrument} is not recorded",
            CoverageLevel.Partial when consented == 0 =>
                $"of the {n} {organization}member states, {(coverage.Known == 1 ? "the one" : $"the {coverage.Known}")} whose status is recorded had not ratified or acceded to {instrument}{unknownTail(unknown)}",
            CoverageLevel.Partial =>
                $"at least {consented} of the {n} {organization}member states had ratified or acceded to {instrument}{unknownTail(unknown)}",
            _ => consented switch
            {
                0 => $"no {organization}member state had ratified or acceded to {instrument}",
                1 => $"one {organization}member state had ratified or acceded to {instrument}",
                _ => $"{CountInWords.Words(consented)} {organization}member states had ratified or acceded to {instrument}",
            },
        };
    }
}
