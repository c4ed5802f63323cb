using TocMesh.Directory.Application;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Directory.Grpc;

/// <summary>Change requests as the contract's messages, and an opener's message as the store's draft.</summary>
internal static class ChangeRequestMessages
{
    public static ChangeRequest ToMessage(this Domain.ChangeRequest request) => new()
    {
        Name = request.Name,
        StateCode = request.StateCode,
        Role = request.Role.ToMessage(),
        Description = request.Description,
        SourceMeetingId = request.SourceMeetingId,
        SourceDocument = request.SourceDocument,
        OpenedOn = request.OpenedOn.ToProto(),
        DueOn = request.DueOn.ToProto(),
        Status = (ChangeRequestStatus)(int)request.Status,
        ResolvedOn = request.ResolvedOn.ToProto(),
        ResolvedByContact = request.ResolvedByContactId.Length > 0 ? Domain.Contact.NamePrefix + request.ResolvedByContactId : "",
    };

    /// <summary>What an opener sent; malformed dates become violations.</summary>
    public static ChangeRequestDraft ToDraft(this ChangeRequest? message, FieldViolations violations)
    {
        message ??= new ChangeRequest();
        return new ChangeRequestDraft(
            message.StateCode,
            message.Role.ToDomain(),
            message.Description,
            message.SourceMeetingId,
            message.SourceDocument,
            violations.Try(() => message.OpenedOn.ToDateOnlyOrNull("change_request.opened_on")),
            violations.Try(() => message.DueOn.ToDateOnlyOrNull("change_request.due_on")));
    }
}
