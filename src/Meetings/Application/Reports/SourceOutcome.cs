namespace TocMesh.Meetings.Application.Reports;

/// <summary>What a report source answered, or why it did not (then <see cref="Value"/> is unset).</summary>
internal readonly record struct SourceOutcome<T>(T? Value, string? Failure);
