namespace TocMesh.ServiceDefaults;

/// <summary>Who this service is: its short name (its resource name in the mesh) and the names derived from it.</summary>
public sealed record ServiceIdentity(string Name)
{
    /// <summary>The <c>ErrorInfo.domain</c> of this service's errors.</summary>
    public string Domain => $"{Name}.tocmesh";

    /// <summary>The name of this service's meter and activity source.</summary>
    public string TelemetryName => $"TocMesh.{char.ToUpperInvariant(Name[0])}{Name[1..]}";

    /// <summary>The connection string name of this service's database: its name followed by "db".</summary>
    public string DatabaseName => $"{Name}db";
}
