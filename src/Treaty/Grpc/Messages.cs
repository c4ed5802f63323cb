using Google.Protobuf.WellKnownTypes;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.Treaty.Application;
using TocMesh.Treaty.Domain;
using TocMesh.Treaty.V1;
using ActionKind = TocMesh.Treaty.Domain.ActionKind;
using LegislationKind = TocMesh.Treaty.V1.LegislationKind;
using LegislationStatus = TocMesh.Treaty.V1.LegislationStatus;
using ProtoDate = Google.Type.Date;
using TreatyActionRevision = TocMesh.Treaty.V1.TreatyActionRevision;

namespace TocMesh.Treaty.Grpc;

/// <summary>Domain values to contract messages and back.</summary>
internal static class Messages
{
    public static V1.Instrument ToMessage(this Domain.Instrument i) => new()
    {
        Id = i.Id,
        ShortName = i.ShortName,
        Title = i.Title,
        ParentId = i.ParentId ?? "",
        Adopted = i.Adopted.ToProto(),
        Depositary = i.Depositary,
        SignatureClosed = i.SignatureClosed.ToProto(),
        EntryIntoForce = i.EntryIntoForce.ToProto(),
        EntryIntoForceRule = new EntryIntoForceRule
        {
            Threshold = i.EntryIntoForceThreshold ?? 0,
            DaysAfterThreshold = i.DaysAfterThreshold ?? 0,
            DaysAfterLaterDeposit = i.DaysAfterLaterDeposit ?? 0,
        },
        Articles = i.Articles,
    };

    public static StateInstrumentStatus ToMessage(this Standing? s, string instrumentId)
    {
        var message = new StateInstrumentStatus { InstrumentId = instrumentId };
        if (s is null)
        {
            return message;
        }

        message.SignedOn = s.SignedOn.ToProto();
        message.DenouncedOn = s.DenouncedOn.ToProto();
        if (s.Consent is { } consent)
        {
            message.ConsentedOn = consent.Date.ToProto();
            message.ConsentActOn = consent.ActDate.ToProto();
            message.ConsentKind = ToConsentKind(consent.Kind);
            message.EntersIntoForceOn = s.EntersIntoForceOn.ToProto();
            message.EntryIntoForceUnknown = s.EntryIntoForceUnknown;
        }

        message.Party = s.Party;
        if (s.Party)
        {
            message.PartySince = s.EntersIntoForceOn.ToProto();
        }

        message.Reservations.AddRange(s.Reservations);
        message.Declarations.AddRange(s.Declarations);
        return message;
    }

    public static ConsentKind ToConsentKind(ActionKind kind) => kind switch
    {
        ActionKind.Ratification => ConsentKind.Ratification,
        ActionKind.Accession => ConsentKind.Accession,
        ActionKind.Acceptance => ConsentKind.Acceptance,
        ActionKind.Approval => ConsentKind.Approval,
        ActionKind.Succession => ConsentKind.Succession,
        _ => ConsentKind.Unspecified,
    };

    public static TreatyActionKind ToMessage(this ActionKind kind) => (TreatyActionKind)(int)kind;

    public static ActionKind? ToDomain(this TreatyActionKind kind) =>
        System.Enum.IsDefined(kind) && kind != TreatyActionKind.Unspecified ? (ActionKind)(int)kind : null;

    public static ReportScopeKind ToDomain(this ReportScope scope, string field) => scope switch
    {
        ReportScope.Unspecified or ReportScope.CountedMembers => ReportScopeKind.CountedMembers,
        ReportScope.AllMembers => ReportScopeKind.AllMembers,
        _ => throw new ValidationException(field, "is not a known scope"),
    };

    public static ReportScope ToMessage(this ReportScopeKind scope) =>
        scope == ReportScopeKind.AllMembers ? ReportScope.AllMembers : ReportScope.CountedMembers;

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

    public static V1.Legislation ToMessage(this Domain.Legislation l)
    {
        var message = new V1.Legislation
        {
            Name = LegislationRegister.LegislationPrefix + l.Id,
            StateCode = l.StateCode,
            Title = l.Title,
            Kind = (LegislationKind)(int)l.Kind,
            Status = (LegislationStatus)(int)l.Status,
            EnactedOn = l.EnactedOn.ToProto(),
            InForceOn = l.InForceOn.ToProto(),
            Summary = l.Summary,
            Source = l.Source,
            ReportedOn = l.ReportedOn.ToProto(),
        };
        message.Topics.AddRange(l.Topics);
        message.InstrumentIds.AddRange(l.InstrumentIds);
        return message;
    }

    public static V1.StatusStatement ToMessage(this Domain.StatusStatement s)
    {
        var message = new V1.StatusStatement
        {
            Name = LegislationRegister.StatementPrefix + s.Id,
            StateCode = s.StateCode,
            MadeOn = s.MadeOn.ToProto(),
            Source = s.Source,
            Text = s.Text,
            Note = s.Note,
        };
        message.InstrumentIds.AddRange(s.InstrumentIds);
        return message;
    }

    public static V1.DataQualityFinding ToMessage(this Domain.DataQualityFinding f) => new()
    {
        Name = "dataQualityFindings/" + f.Key,
        SourceFile = f.SourceFile,
        Line = f.Line,
        StateCode = f.StateCode,
        InstrumentId = f.InstrumentId,
        Rule = f.Rule,
        Severity = (V1.FindingSeverity)(int)f.Severity,
        Description = f.Description,
    };

    public static ProtoDate? ToProto(this PartialDate? date) =>
        date is { } d ? new ProtoDate { Year = d.Year, Month = d.Month, Day = d.Day } : null;

    /// <summary>A date that may be partial (year only, or year and month), or INVALID_ARGUMENT.</summary>
    public static PartialDate? ToPartialDate(this ProtoDate? date, string field) =>
        date.IsUnset() ? null
        : PartialDate.IsValid(date!.Year, date.Month, date.Day) ? new PartialDate(date.Year, date.Month, date.Day)
        : throw new ValidationException(field, "must be a full date, a year and month (day 0), or a year (month and day 0)");
}
