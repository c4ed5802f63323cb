namespace TocMesh.Treaty.Domain;

/// <summary>How much of a count the data supports.</summary>
public enum CoverageLevel
{
    /// <summary>Every state in scope has a recorded status: the count is exact.</summary>
    Full = 1,

    /// <summary>Some states in scope have no recorded status: the count is a lower bound.</summary>
    Partial = 2,

    /// <summary>No state in scope has a recorded status: there is no count.</summary>
    None = 3,
}
