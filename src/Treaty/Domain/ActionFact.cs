using System.Text.Json.Serialization;

namespace TocMesh.Treaty.Domain;

/// <summary>
/// The facts of an action that status depends on. The date that counts is the deposit (when known)
/// for a consent or a denunciation, and the act for a signature.
/// </summary>
public sealed record ActionFact(
    long Id, string StateCode, string InstrumentId, ActionKind Kind, DateOnly? ActDate, DateOnly? DepositDate,
    string[] Declarations, string[] Reservations)
{
    [JsonIgnore]
    public DateOnly Date => Kind == ActionKind.Signature
        ? ActDate ?? DepositDate ?? DateOnly.MinValue
        : DepositDate ?? ActDate ?? DateOnly.MinValue;

    /// <summary>The day of the act itself, which must follow a signature.</summary>
    [JsonIgnore]
    public DateOnly ActOrDeposit => ActDate ?? DepositDate ?? DateOnly.MinValue;
}
