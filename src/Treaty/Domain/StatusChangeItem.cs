namespace TocMesh.Treaty.Domain;

/// <summary>One change of one state's standing on one instrument.</summary>
public sealed record StatusChangeItem(string StateCode, string InstrumentId, ChangeKind Kind, DateOnly Date, ActionKind? ConsentKind);
