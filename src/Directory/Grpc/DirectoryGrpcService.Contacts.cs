using Grpc.Core;
using TocMesh.Directory.Application;
using TocMesh.Directory.Domain;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Grpc;

public sealed partial class DirectoryGrpcService
{
    // A hot read: both finished answers of a contact (with and without its personal data) are cached
    // as responses, so a call writes bytes taken once; which one a caller gets depends on the
    // contact's state, read from the answer without personal data. (A plain comment: the OpenAPI
    // document takes an override's XML documentation in place of the contract's.)
    public override async Task<GetContactResponse> GetContact(GetContactRequest request, ServerCallContext context)
    {
        var withoutPersonalData = await ContactResponseAsync(request.Name, personalData: false, context.CancellationToken);
        return context.GetCaller().MayReadPersonalDataOf(withoutPersonalData.Contact.StateCode)
            ? await ContactResponseAsync(request.Name, personalData: true, context.CancellationToken)
            : withoutPersonalData;
    }

    private ValueTask<GetContactResponse> ContactResponseAsync(string name, bool personalData, CancellationToken ct)
    {
        // The key is the only string a hit makes; the tag is made on a miss.
        return cache.GetOrCreateResponseAsync(
            string.Concat("contact-response:", ContactName.Id(name, "name"), personalData ? ":personal" : ":public"),
            (Service: this, Name: name, PersonalData: personalData),
            static async (s, token) => new GetContactResponse { Contact = (await s.Service.ContactReader.GetAsync(s.Name, "name", token)).ToMessage(s.PersonalData) },
            TagsOnMiss.Of(name, static name => DirectoryCacheTags.Contact(ContactName.ParseId(name, "name"))),
            ct);
    }

    public override async Task<CreateContactResponse> CreateContact(CreateContactRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var details = request.Contact.ToDetails(violations);
        var contact = await Contacts.CreateAsync(details, IdempotencyKey.Of(context, request, violations), request.Reason, context.GetCaller(), violations, context.CancellationToken);
        return new CreateContactResponse { Contact = contact.ToMessage(mayReadPersonalData: true) };
    }

    public override async Task<UpdateContactResponse> UpdateContact(UpdateContactRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var incoming = request.Contact.ToDetails(violations);
        var paths = request.UpdateMask?.Paths.ToList() ?? [];
        var contact = await Contacts.UpdateAsync(
            request.Contact?.Name ?? "", request.Contact?.Etag ?? "", paths, incoming, request.Reason, context.GetCaller(), violations, context.CancellationToken);
        return new UpdateContactResponse { Contact = contact.ToMessage(mayReadPersonalData: true) };
    }

    public override async Task<RetireContactResponse> RetireContact(RetireContactRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var validTo = violations.Try(() => request.ValidTo.ToDateOnlyOrNull("valid_to"));
        var contact = await Contacts.RetireAsync(request.Name, request.Etag, validTo, request.Reason, context.GetCaller(), violations, context.CancellationToken);
        return new RetireContactResponse { Contact = contact.ToMessage(mayReadPersonalData: true) };
    }

    public override async Task<ListContactsResponse> ListContacts(ListContactsRequest request, ServerCallContext context)
    {
        var violations = new FieldViolations();
        var page = violations.Try(() => PageRequest.From(request.PageSize, request.PageToken));
        var state = await OptionalStateAsync(request.StateCode, "state_code", violations, context.CancellationToken);
        violations.Check(Enum.IsDefined(request.Role), "role", "is not a ContactRole");
        var instrument = request.InstrumentId.Trim().ToLowerInvariant();
        violations.Check(instrument.Length == 0 || ContactRules.PalermoInstruments.Contains(instrument), "instrument_id",
            "authorities are designated under untoc, untoc-tip, untoc-som or untoc-firearms");
        string? language = null;
        if (request.Language.Length > 0)
        {
            language = ContactRules.NormalizeLanguage(request.Language);
            violations.Check(language is not null, "language", "is not a BCP 47 language tag such as \"es\"");
        }

        violations.ThrowIfAny();
        var filter = new ContactFilter(state, request.Role.ToFilter(), instrument.Length > 0 ? instrument : null, language, request.IncludeRetired);
        var (items, next) = await ContactReader.ListAsync(filter, page, context.CancellationToken);
        var caller = context.GetCaller();
        var response = new ListContactsResponse { NextPageToken = next };
        response.Contacts.AddRange(items.Select(c => c.ToMessage(caller.MayReadPersonalDataOf(c.StateCode))));
        return response;
    }
}
