using System.Text.Json.Serialization;

namespace TocMesh.Treaty.Domain;

/// <summary>Of the states a count is over, how many have a recorded status on the date, and which have none.</summary>
public sealed record Coverage(int StatesInScope, string[] Unknown)
{
    [JsonIgnore]
    public int Known => StatesInScope - Unknown.Length;

    [JsonIgnore]
    public CoverageLevel Level => Unknown.Length == 0 ? CoverageLevel.Full
        : Known == 0 ? CoverageLevel.None
        : CoverageLevel.Partial;
}
