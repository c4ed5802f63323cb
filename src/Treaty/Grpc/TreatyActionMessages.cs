using Google.Protobuf.WellKnownTypes;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.Treaty.Application;
using TocMesh.Treaty.Domain;
using TocMesh.Treaty.V1;
using ActionKind = TocMesh.Treaty.Domain.ActionKind;
using TreatyActionRevision = TocMesh.Treaty.V1.TreatyActionRevision;

namespace TocMesh.Treaty.Grpc;

/// <summary>Treaty actions to contract messages, and the requests that record or correct one back.</summary>
internal static class TreatyActionMessages
{
    public static TreatyActionKind ToMessage(this ActionKind kind) => (TreatyActionKind)(int)kind;

    public static ActionKind? ToDomain(this TreatyActionKind kind) =>
        System.Enum.IsDefined(kind) && kind != TreatyActionKind.Unspecified ? (ActionKind)(int)kind : null;

    public static V1.TreatyAction ToMessage(this Domain.TreatyAction a)
    {
        var message = new V1.TreatyAction
        {
            Name = TreatyActionLedger.NamePrefix + a.Id,
            StateCode = a.StateCode,
            InstrumentId = a.InstrumentId,
            Kind = a.Kind.ToMessage(),
            ActDate = a.ActDate.ToProto(),
            DepositDate = a.DepositDate.ToProto(),
            Source = a.Source,
            Note = a.Note,
            Origin = a.Origin == ActionOrigin.Imported ? TreatyActionOrigin.Imported : TreatyActionOrigin.Recorded,
            Withdrawn = a.Withdrawn,
            WithdrawalReason = a.WithdrawalReason,
            Etag = a.Version.ToString("N"),
        };
        message.Declarations.AddRange(a.Declarations);
        message.Reservations.AddRange(a.Reservations);
        message.History.AddRange(a.History.OrderBy(h => h.Id).Select(h => new TreatyActionRevision
        {
            Change = h.Change.ToString().ToUpperInvariant(),
            ChangedAt = Timestamp.FromDateTime(DateTime.SpecifyKind(h.ChangedAt, DateTimeKind.Utc)),
            ChangedBy = h.ChangedBy,
            Reason = h.Reason,
            Summary = h.Summary,
        }));
        return message;
    }

    /// <summary>The new action's values; a date that cannot be read is added to <paramref name="violations"/>.</summary>
    public static ActionInput ToInput(this RecordTreatyActionRequest request, FieldViolations violations) => new(
        request.StateCode, request.InstrumentId, request.Kind.ToDomain(),
        violations.Try(() => request.ActDate.ToDateOnlyOrNull("act_date")),
        violations.Try(() => request.DepositDate.ToDateOnlyOrNull("deposit_date")),
        [.. request.Declarations], [.. request.Reservations], request.Source, request.Note);

    /// <summary>The fields the update mask names, with their new values; a date that cannot be read is added to <paramref name="violations"/>.</summary>
    public static ActionChanges ToChanges(this CorrectTreatyActionRequest request, V1.TreatyAction given, FieldViolations violations) => new()
    {
        Paths = (request.UpdateMask?.Paths ?? []).ToHashSet(StringComparer.Ordinal),
        Kind = given.Kind.ToDomain(),
        ActDate = violations.Try(() => given.ActDate.ToDateOnlyOrNull("treaty_action.act_date")),
        DepositDate = violations.Try(() => given.DepositDate.ToDateOnlyOrNull("treaty_action.deposit_date")),
        Declarations = [.. given.Declarations],
        Reservations = [.. given.Reservations],
        Source = given.Source,
        Note = given.Note,
    };
}
