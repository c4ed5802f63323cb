namespace TocMesh.Treaty.Domain;

/// <summary>Who in scope had signed, consented to and become party to one instrument by a date.</summary>
public sealed record InstrumentStatus(Instrument Instrument, DateOnly AsOf, ReportScopeKind Scope, Standing[] Participants, int Signatories, int Consented, int Parties);
