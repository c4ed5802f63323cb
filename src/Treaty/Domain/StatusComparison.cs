namespace TocMesh.Treaty.Domain;

/// <summary>What changed between two dates: each change, and the counts before and after.</summary>
public sealed record StatusComparison(DateOnly From, DateOnly To, ReportScopeKind Scope, StatusChangeItem[] Changes, CountChange[] Counts);
