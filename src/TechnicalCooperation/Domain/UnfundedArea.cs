namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>A work area with no funds: sought without success, or with open needs.</summary>
public sealed record UnfundedArea(string WorkArea, bool FundsSought, int OpenNeedCount);
