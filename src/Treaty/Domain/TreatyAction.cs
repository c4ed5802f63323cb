using System.Text.Json.Serialization;

namespace TocMesh.Treaty.Domain;

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
