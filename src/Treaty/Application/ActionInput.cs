using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application;

/// <summary>The values of a new action, as the caller gave them (dates already parsed).</summary>
public sealed record ActionInput(
    string? StateCode, string? InstrumentId, ActionKind? Kind, DateOnly? ActDate, DateOnly? DepositDate,
    List<string> Declarations, List<string> Reservations, string Source, string Note);
