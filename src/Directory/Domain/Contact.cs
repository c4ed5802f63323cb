namespace TocMesh.Directory.Domain;

/// <summary>What a contact is for.</summary>
public enum ContactRole
{
    Unspecified = 0,

    /// <summary>National point of contact with the Technical Group.</summary>
    NationalPointOfContact = 1,

    /// <summary>Central authority for mutual legal assistance under the Inter-American convention .</summary>
    MlaCentralAuthority = 2,

    /// <summary>Authority designated under the Palermo Convention (art. 18(13)) or one of its protocols.</summary>
    PalermoAuthority = 3,

    /// <summary>Contact for the courses and workshops offered.</summary>
    Courses = 4,
}

/// <summary>A channel through which a contact accepts requests.</summary>
public enum ContactChannel
{
    Unspecified = 0,
    Email = 1,
    Diplomatic = 2,
    Interpol = 3,
}

/// <summary>
/// Every detail of a contact that a revision records. Field names in <see cref="Fields"/> are the
/// contract's, so field masks and the history speak the partner's language.
/// </summary>
public class ContactDetails
{
    public string StateCode { get; set; } = "";

    public ContactRole Role { get; set; }

    /// <summary>For a Palermo authority: the instrument it was designated under.</summary>
    public string InstrumentId { get; set; } = "";

    public string Institution { get; set; } = "";

    public string Office { get; set; } = "";

    /// <summary>Personal.</summary>
    public string Person { get; set; } = "";

    /// <summary>Personal.</summary>
    public string Title { get; set; } = "";

    /// <summary>Personal.</summary>
    public List<string> Emails { get; set; } = [];

    /// <summary>Personal. E.164.</summary>
    public List<string> Phones { get; set; } = [];

    public string PostalAddress { get; set; } = "";

    /// <summary>BCP 47 tags.</summary>
    public List<string> Languages { get; set; } = [];

    public List<ContactChannel> Channels { get; set; } = [];

    public string OfficeHours { get; set; } = "";

    /// <summary>IANA time zone id.</summary>
    public string TimeZone { get; set; } = "";

    public DateOnly? ValidFrom { get; set; }

    /// <summary>The first day the contact no longer served; null while it serves.</summary>
    public DateOnly? ValidTo { get; set; }

    public DateOnly? LastVerified { get; set; }

    public string SourceDocument { get; set; } = "";

    public bool Retired { get; set; }

    /// <summary>Serving on <paramref name="date"/> (valid_to is exclusive).</summary>
    public bool ServesOn(DateOnly date) =>
        (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date < ValidTo);

    /// <summary>A detached copy (lists included), e.g. for a revision's snapshot.</summary>
    public ContactDetails CopyDetails() => CopyTo(new ContactDetails());

    public T CopyTo<T>(T target) where T : ContactDetails
    {
        foreach (var field in ContactFields.All)
        {
            field.Copy(this, target);
        }

        target.Retired = Retired;
        return target;
    }

    /// <summary>The same details with person, title, e-mails and phones removed (for anonymous readers).</summary>
    public ContactDetails WithoutPersonalData()
    {
        var copy = CopyDetails();
        foreach (var field in ContactFields.All.Where(f => f.Personal))
        {
            field.Clear(copy);
        }

        return copy;
    }
}

/// <summary>A contact of a member state, as it stands now.</summary>
public sealed class Contact : ContactDetails
{
    public const string NamePrefix = "contacts/";

    /// <summary>The id in the resource name "contacts/{id}".</summary>
    public string Id { get; set; } = "";

    /// <summary>1 when created, +1 per change; the etag, and the database's concurrency token.</summary>
    public int Revision { get; set; }

    /// <summary>The creator's idempotency key; unique.</summary>
    public string? RequestId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string Name => NamePrefix + Id;

    public string Etag => Revision.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string NewId() => Guid.CreateVersion7().ToString("N");
}

/// <summary>What a revision did.</summary>
public enum RevisionKind
{
    Unspecified = 0,
    Created = 1,
    Updated = 2,
    Retired = 3,
}

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
}
