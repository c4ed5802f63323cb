namespace TocMesh.Treaty.Domain;

/// <summary>A state in the register as a report needs it on one day.</summary>
public sealed record StateOnDate(string Code, string Name, bool Member, bool Counted, string Participation);
