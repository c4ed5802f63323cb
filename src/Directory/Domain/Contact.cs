namespace TocMesh.Directory.Domain;

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
