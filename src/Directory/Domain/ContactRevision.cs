namespace TocMesh.Directory.Domain;

/// <summary>
/// One recorded change of a contact, and the directory's change log: <see cref="Sequence"/> grows
/// monotonically in the database, so every replica sees the same order.
/// </summary>
public sealed class ContactRevision
{
    public long Sequence { get; set; }

    public string ContactId { get; set; } = "";

    public int Revision { get; set; }

    public RevisionKind Kind { get; set; }

    public string StateCode { get; set; } = "";

    public ContactRole Role { get; set; }

    public DateTime RecordedAt { get; set; }

    /// <summary>The agency of the API key that made the change.</summary>
    public string ChangedBy { get; set; } = "";

    public string Reason { get; set; } = "";

    public List<string> ChangedFields { get; set; } = [];

    /// <summary>The contact as this revision left it.</summary>
    public ContactDetails Snapshot { get; set; } = new();

    /// <summary>The contact as this revision left it, with the revision's number and time.</summary>
    public Contact AsContact() => Snapshot.CopyTo(new Contact { Id = ContactId, Revision = Revision, UpdatedAt = RecordedAt });
}
