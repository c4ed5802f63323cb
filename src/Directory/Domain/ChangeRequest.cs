namespace TocMesh.Directory.Domain;

/// <summary>
/// A state announced new contacts for a role; the request stays open until that state's contact for
/// that role changes after the request was recorded.
/// </summary>
public sealed class ChangeRequest
{
    public const string NamePrefix = "change-requests/";

    public long Id { get; set; }

    public string StateCode { get; set; } = "";

    public ContactRole Role { get; set; }

    /// <summary>What the state announced, in the words of the record.</summary>
    public string Description { get; set; } = "";

    /// <summary>The meeting where it was announced, e.g. "gtdot-ii"; empty when not from a meeting.</summary>
    public string SourceMeetingId { get; set; } = "";

    public string SourceDocument { get; set; } = "";

    public DateOnly OpenedOn { get; set; }

    public DateOnly DueOn { get; set; }

    public ChangeRequestStatus Status { get; set; } = ChangeRequestStatus.Open;

    public DateOnly? ResolvedOn { get; set; }

    public string ResolvedByContactId { get; set; } = "";

    /// <summary>When the request was recorded: only a later contact change resolves it.</summary>
    public DateTime RecordedAt { get; set; }

    public string OpenedBy { get; set; } = "";

    /// <summary>The opener's idempotency key; unique.</summary>
    public string? RequestId { get; set; }

    public string Name => NamePrefix + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool IsOverdueOn(DateOnly date) => Status == ChangeRequestStatus.Open && DueOn < date;

    /// <summary>Whether a change of <paramref name="contact"/> recorded at <paramref name="changedAt"/> resolves this request.</summary>
    public bool IsResolvedBy(ContactDetails contact, DateTime changedAt) =>
        Status == ChangeRequestStatus.Open && contact.StateCode == StateCode && contact.Role == Role && changedAt >= RecordedAt;

    public void Resolve(string contactId, DateOnly on)
    {
        Status = ChangeRequestStatus.Resolved;
        ResolvedOn = on;
        ResolvedByContactId = contactId;
    }
}
