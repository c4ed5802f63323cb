using System.Runtime.CompilerServices;
using TocMesh.ServiceDefaults.Caching;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.Treaty.Application;
using TocMesh.Treaty.Domain;
using TocMesh.Treaty.V1;
using ActionKind = TocMesh.Treaty.Domain.ActionKind;

namespace TocMesh.Treaty.Grpc;

/// <summary>Instruments, standings, reports and comparisons to contract messages, and the report scope back.</summary>
internal static class StatusMessages
{
    private static readonly ConditionalWeakTable<RatificationReport, GetRatificationReportResponse> ReportResponses = new();

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

    public static StateInstrumentStatus ToMessage(this Standing? s, string instrumentId, bool statusUnknown = false)
    {
        var message = new StateInstrumentStatus { InstrumentId = instrumentId, StatusUnknown = statusUnknown };
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
        else if (s.ConsentedBy is { } by)
        {
            message.ConsentedBy = by.ToProto();
            message.EntryIntoForceUnknown = s.EntryIntoForceUnknown;
        }

        message.Party = s.Party;
        if (s.Party && s.EntersIntoForceOn is not null)
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

    public static ReportScopeKind ToDomain(this ReportScope scope, string field) => scope switch
    {
        ReportScope.Unspecified or ReportScope.CountedMembers => ReportScopeKind.CountedMembers,
        ReportScope.AllMembers => ReportScopeKind.AllMembers,
        _ => throw new ValidationException(field, "is not a known scope"),
    };

    public static ReportScope ToMessage(this ReportScopeKind scope) =>
        scope == ReportScopeKind.AllMembers ? ReportScope.AllMembers : ReportScope.CountedMembers;

    public static GetStateStatusResponse ToResponse(this StateStatus status)
    {
        var response = new GetStateStatusResponse { StateCode = status.StateCode, AsOf = status.AsOf.ToProto() };
        foreach (var line in status.Lines)
        {
            var message = line.Standing.ToMessage(line.InstrumentId, line.StatusUnknown);
            message.DataCaveats.AddRange(line.Caveats);
            message.Evidence.AddRange(line.Evidence.Select(e => e.ToMessage()));
            message.PendingDomesticProcedures.AddRange(line.PendingProcedures.Select(l => l.ToMessage()));
            response.Instruments.Add(message);
        }

        response.Statements.AddRange(status.Statements.Select(s => s.ToMessage()));
        return response;
    }

    /// <summary>
    /// The response for a report, mapped and serialized once per cached report (the cache shares one
    /// immutable report between calls), so a cached report goes on the wire as its bytes.
    /// </summary>
    public static GetRatificationReportResponse ToResponse(this RatificationReport report) =>
        ReportResponses.GetValue(report, static r => WireBytes.Remember(r.Map()));

    private static GetRatificationReportResponse Map(this RatificationReport report)
    {
        var response = new GetRatificationReportResponse
        {
            AsOf = report.AsOf.ToProto(),
            Scope = report.Scope.ToMessage(),
            StatesInScope = report.StatesInScope,
            Paragraph = report.Paragraph,
            ScopeDescription = report.ScopeDescription,
        };
        response.Excluded.AddRange(report.Excluded);
        foreach (var t in report.Tallies)
        {
            var tally = new InstrumentTally
            {
                Instrument = t.Instrument.ToMessage(),
                ConsentedCount = t.Consented.Length,
                Sentence = t.Sentence,
                Coverage = t.Coverage.ToMessage(),
            };
            tally.ConsentedStateCodes.AddRange(t.Consented);
            tally.NotConsentedStateCodes.AddRange(t.NotConsented);
            tally.SignedOnlyStateCodes.AddRange(t.SignedOnly);
            tally.DataCaveats.AddRange(t.Caveats);
            tally.ConsentedDateUnknownStateCodes.AddRange(t.ConsentedDateUnknown);
            response.Tallies.Add(tally);
        }

        return response;
    }

    public static GetInstrumentStatusResponse ToResponse(this InstrumentStatus status)
    {
        var response = new GetInstrumentStatusResponse
        {
            Instrument = status.Instrument.ToMessage(),
            AsOf = status.AsOf.ToProto(),
            Scope = status.Scope.ToMessage(),
            SignatoryCount = status.Signatories,
            ConsentedCount = status.Consented,
            PartyCount = status.Parties,
            Coverage = status.Coverage.ToMessage(),
            Sentence = status.Sentence,
            ScopeDescription = status.ScopeDescription,
        };
        response.Participants.AddRange(status.Participants.Select(p => new Participant
        {
            StateCode = p.StateCode,
            Status = p.ToMessage(p.InstrumentId, status.Coverage.Unknown.Contains(p.StateCode)),
        }));
        return response;
    }

    public static CompareStatusResponse ToResponse(this StatusComparison comparison)
    {
        var response = new CompareStatusResponse { FromDate = comparison.From.ToProto(), ToDate = comparison.To.ToProto(), Scope = comparison.Scope.ToMessage() };
        response.Changes.AddRange(comparison.Changes.Select(c => new StatusChange
        {
            StateCode = c.StateCode,
            InstrumentId = c.InstrumentId,
            Kind = (StatusChangeKind)(int)c.Kind,
            Date = c.Date.ToProto(),
            ConsentKind = c.ConsentKind is { } k ? ToConsentKind(k) : ConsentKind.Unspecified,
        }));
        response.Counts.AddRange(comparison.Counts.Select(c =>
        {
            var count = new InstrumentCountChange
            {
                InstrumentId = c.InstrumentId,
                ConsentedCountFrom = c.From,
                ConsentedCountTo = c.To,
                CoverageFrom = c.CoverageFrom.ToMessage(),
                CoverageTo = c.CoverageTo.ToMessage(),
                Sentence = c.Sentence,
            };
            count.NewlyConsentedStateCodes.AddRange(c.Newly);
            count.NoLongerConsentedStateCodes.AddRange(c.NoLonger);
            return count;
        }));
        return response;
    }

    public static V1.Coverage ToMessage(this Domain.Coverage c)
    {
        var message = new V1.Coverage
        {
            StatesInScope = c.StatesInScope,
            KnownCount = c.Known,
            UnknownCount = c.Unknown.Length,
            Level = c.Level switch
            {
                Domain.CoverageLevel.Full => V1.CoverageLevel.Full,
                Domain.CoverageLevel.Partial => V1.CoverageLevel.Partial,
                _ => V1.CoverageLevel.None,
            },
        };
        message.UnknownStateCodes.AddRange(c.Unknown);
        return message;
    }

    public static V1.StatusEvidence ToMessage(this Domain.StatusEvidence e) => new()
    {
        Kind = e.Kind switch
        {
            EvidenceKind.TableComplete => StatusEvidenceKind.TableComplete,
            EvidenceKind.ConsentedBy => StatusEvidenceKind.ConsentedBy,
            EvidenceKind.NotConsentedAsOf => StatusEvidenceKind.NotConsentedAsOf,
            _ => StatusEvidenceKind.Unspecified,
        },
        AsOf = e.AsOf.ToProto(),
        AsOfText = e.AsOfText,
        Status = e.Status,
        Source = e.Source,
        Note = e.Note,
        SourceFile = e.SourceFile,
    };
}
