using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace TocMesh.Directory.Grpc;

/// <summary>
/// Contacts and their revisions as the contract's messages, and a request's contact as the details
/// the store checks. Personal fields go only to callers that may read them.
/// </summary>
internal static class ContactMessages
{
    /// <summary>A contact as the caller may see it: personal fields only for callers that may read them.</summary>
    public static Contact ToMessage(this Domain.Contact contact, bool mayReadPersonalData)
    {
        Domain.ContactDetails details = mayReadPersonalData ? contact : contact.WithoutPersonalData();
        return new Contact
        {
            Name = contact.Name,
            StateCode = details.StateCode,
            Role = details.Role.ToMessage(),
            InstrumentId = details.InstrumentId,
            Institution = details.Institution,
            Office = details.Office,
            Person = details.Person,
            Title = details.Title,
            Emails = { details.Emails },
            Phones = { details.Phones },
            PostalAddress = details.PostalAddress,
            Languages = { details.Languages },
            ValidFrom = details.ValidFrom.ToProto(),
            ValidTo = details.ValidTo.ToProto(),
            LastVerified = details.LastVerified.ToProto(),
            Etag = contact.Etag,
            Channels = { details.Channels.Select(c => (ContactChannel)(int)c) },
            OfficeHours = details.OfficeHours,
            TimeZone = details.TimeZone,
            SourceDocument = details.SourceDocument,
            Retired = details.Retired,
            Revision = contact.Revision,
            UpdateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(contact.UpdatedAt, DateTimeKind.Utc)),
        };
    }

    /// <summary>One entry of a contact's history.</summary>
    public static ContactRevision ToMessage(this Domain.ContactRevision revision, bool mayReadPersonalData) => new()
    {
        Revision = revision.Revision,
        Kind = (RevisionKind)(int)revision.Kind,
        ChangedBy = revision.ChangedBy,
        ChangeTime = Timestamp.FromDateTime(revision.RecordedAt),
        Reason = revision.Reason,
        ChangedFields = { revision.ChangedFields },
        Contact = revision.AsContact().ToMessage(mayReadPersonalData),
        Sequence = revision.Sequence,
    };

    /// <summary>One change of the directory, as a watcher receives it.</summary>
    public static WatchDirectoryResponse ToWatchResponse(this Domain.ContactRevision revision, bool mayReadPersonalData) => new()
    {
        Sequence = revision.Sequence,
        Kind = (RevisionKind)(int)revision.Kind,
        ChangeTime = Timestamp.FromDateTime(revision.RecordedAt),
        ChangedFields = { revision.ChangedFields },
        Contact = revision.AsContact().ToMessage(mayReadPersonalData),
    };

    /// <summary>The details a create or an update sends; malformed dates become violations.</summary>
    public static Domain.ContactDetails ToDetails(this Contact? message, FieldViolations violations)
    {
        message ??= new Contact();
        return new Domain.ContactDetails
        {
            StateCode = message.StateCode,
            Role = message.Role.ToDomain(),
            InstrumentId = message.InstrumentId,
            Institution = message.Institution,
            Office = message.Office,
            Person = message.Person,
            Title = message.Title,
            Emails = [.. message.Emails],
            Phones = [.. message.Phones],
            PostalAddress = message.PostalAddress,
            Languages = [.. message.Languages],
            Channels = [.. message.Channels.Select(c => (Domain.ContactChannel)(int)c)],
            OfficeHours = message.OfficeHours,
            TimeZone = message.TimeZone,
            ValidFrom = violations.Try(() => message.ValidFrom.ToDateOnlyOrNull("contact.valid_from")),
            ValidTo = violations.Try(() => message.ValidTo.ToDateOnlyOrNull("contact.valid_to")),
            LastVerified = violations.Try(() => message.LastVerified.ToDateOnlyOrNull("contact.last_verified")),
            SourceDocument = message.SourceDocument,
        };
    }

    public static ContactRole ToMessage(this Domain.ContactRole role) => (ContactRole)(int)role;

    public static Domain.ContactRole ToDomain(this ContactRole role) => (Domain.ContactRole)(int)role;

    /// <summary>A role filter: unspecified means every role.</summary>
    public static Domain.ContactRole? ToFilter(this ContactRole role) => role == ContactRole.Unspecified ? null : role.ToDomain();
}
