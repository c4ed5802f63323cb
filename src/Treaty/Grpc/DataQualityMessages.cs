using TocMesh.Treaty.Application.ReferenceData;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Grpc;

/// <summary>Data-quality findings and the summary of an import to contract messages.</summary>
internal static class DataQualityMessages
{
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

    public static ImportReferenceDataResponse ToResponse(this ImportSummary summary) => new()
    {
        Instruments = summary.Instruments,
        RowsRead = summary.RowsRead,
        ActionsCreated = summary.Created,
        ActionsUpdated = summary.Updated,
        ActionsUnchanged = summary.Unchanged,
        ActionsKeptAsCorrected = summary.KeptAsCorrected,
        Findings = summary.Findings,
        Evidence = summary.Evidence,
    };
}
