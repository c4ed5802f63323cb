using TocMesh.Meetings.Application;
using TocMesh.Meetings.Domain;
using V1 = TocMesh.Meetings.V1;

namespace TocMesh.Meetings.Grpc;

/// <summary>Documents and their parsed symbols as the contract's messages; enum values are shared by number.</summary>
internal static class DocumentMessages
{
    public static V1.DocumentSymbol ToMessage(this DocumentSymbol s) => new()
    {
        Normalized = s.Normalized,
        Kind = (V1.SymbolKind)(int)s.Kind,
        Organ = s.Organ,
        Body = s.Body,
        Number = s.Number,
        Year = s.Year,
        Session = s.Session,
        SessionKind = (V1.AssemblySessionKind)(int)s.SessionKind,
        Revision = s.Revision,
        Addendum = s.Addendum,
        Corrigendum = s.Corrigendum,
        BaseSymbol = s.BaseSymbol,
        AmendsSymbol = s.AmendsSymbol ?? "",
    };

    public static V1.Document ToMessage(this DocumentView d) => new()
    {
        Name = "documents/" + d.Document.Symbol,
        Symbol = d.Symbol.ToMessage(),
        Title = d.Document.Title,
        MeetingId = d.Document.MeetingId ?? "",
        Description = d.Document.Description,
        BaseRegistered = d.BaseRegistered,
        Amendments = { d.Amendments },
        Content = (V1.DocumentContent)(int)d.Document.Content,
        Etag = d.Document.Etag,
    };
}
