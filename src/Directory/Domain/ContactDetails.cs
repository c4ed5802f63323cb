namespace TocMesh.Directory.Domain;

/// <summary>
/// Every detail of a contact that a revision records. Field names in <see cref="ContactFields"/> are the
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
