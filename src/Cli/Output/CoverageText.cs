using System.Globalization;
using TocMesh.Treaty.V1;

namespace TocMesh.Cli.Output;

/// <summary>A count with its coverage as a table or a line says it: never a count over states whose status is not recorded without saying so.</summary>
public static class CoverageText
{
    /// <summary>"29" with full coverage, "at least 21" with partial, "no count" with none (or when the service gives no coverage, the count as given).</summary>
    public static string Count(int count, Coverage? coverage) => coverage?.Level switch
    {
        CoverageLevel.Partial => $"at least {Number(count)}",
        CoverageLevel.None => "no count",
        _ => Number(count),
    };

    /// <summary>"status recorded for all 34", or "status recorded for 22 of 34; not recorded for BRB, DMA, ...".</summary>
    public static string Summary(Coverage? coverage)
    {
        if (coverage is null)
        {
            return "";
        }

        return coverage.UnknownCount == 0
            ? $"status recorded for all {Number(coverage.StatesInScope)}"
            : $"status recorded for {Number(coverage.KnownCount)} of {Number(coverage.StatesInScope)}; not recorded for {string.Join(", ", coverage.UnknownStateCodes)}";
    }

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
