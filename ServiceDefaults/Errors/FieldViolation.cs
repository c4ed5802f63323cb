namespace TocMesh.ServiceDefaults.Errors;

/// <summary>One field of a request that is not acceptable, and why.</summary>
public sealed record FieldViolation(string Field, string Description);
