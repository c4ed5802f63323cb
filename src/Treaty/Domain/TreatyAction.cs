using System.Text.Json.Serialization;

namespace TocMesh.Treaty.Domain;

public enum ActionKind
{
    Signature = 1,
    Ratification = 2,
    Accession = 3,
    Acceptance = 4,
    Approval = 5,
    Succession = 6,
    Denunciation = 7,
}

public enum ActionOrigin
{
    Imported = 1,
    Recorded = 2,
}

public static class ActionKinds
{
    public static bool IsConsent(this ActionKind kind) => kind is ActionKind.Ratification or ActionKind.Accession
        or ActionKind.Acceptance or ActionKind.Approval or ActionKind.Succession;

    /// <summary>Ratification, acceptance and approval confirm a signature; accession and succession need none.</summary>
    public static bool NeedsSignature(this ActionKind kind) => kind is ActionKind.Ratification or ActionKind.Acceptance or ActionKind.Approval;

    public static string Describe(this ActionKind kind) => kind.ToString().ToLowerInvariant();
}

/// <summary>A dated treaty action of one state on one instrument, as the Secretariat keeps it.</summary>
public sealed class TreatyAction
{
    public long Id { get; set; }

    public required string StateCode { get; set; }

    public required string InstrumentId { get; set; }

    public ActionKind Kind { get; set; }

    /// <summary>Date of the act (signature; the ratification itself).</summary>
    public DateOnly? ActDate { get; set; }

    /// <summary>Date of deposit (or notification, for a denunciation).</summary>
    public DateOnly? DepositDate { get; set; }

    public List<string> Declarations { get; set; } = [];

    public List<string> Reservations { get; set; } = [];

    public string Source { get; set; } = "";

    public string Note { get; set; } = "";

    public ActionOrigin Origin { get; set; }

    /// <summary>For an imported action: file, state, instrument and part of the row it came from.</summary>
    public string? ImportKey { get; set; }

    /// <summary>The caller's idempotency key, for a recorded action.</summary>
    public string? RequestId { get; set; }

    public bool Withdrawn { get; set; }

    public string WithdrawalReason { get; set; } = "";

    /// <summary>Concurrency token; the etag callers see.</summary>
    public Guid Version { get; set; }

    public List<TreatyActionRevision> History { get; set; } = [];

    public ActionFact ToFact() => new(Id, StateCode, InstrumentId, Kind, ActDate, DepositDate, [.. Declarations], [.. Reservations]);

    /// <summary>True once the Secretariat corrected or withdrew it: a re-import leaves it alone.</summary>
    [JsonIgnore]
    public bool ChangedBySecretariat => History.Any(h => h.Change is RevisionChange.Corrected or RevisionChange.Withdrawn);
}

public enum RevisionChange
{
    Imported = 1,
    Reimported = 2,
    Recorded = 3,
    Corrected = 4,
    Withdrawn = 5,
}

/// <summary>One change of an action: who, when, why, what.</summary>
public sealed class TreatyActionRevision
{
    public long Id { get; set; }

    public long TreatyActionId { get; set; }

    public RevisionChange Change { get; set; }

    public DateTime ChangedAt { get; set; }

    public string ChangedBy { get; set; } = "";

    public string Reason { get; set; } = "";

    public string Summary { get; set; } = "";
}

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
