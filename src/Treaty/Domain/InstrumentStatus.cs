namespace TocMesh.Treaty.Domain;

/// <summary>
/// Who in scope had signed, consented to and become party to one instrument by a date, how many of the
/// states in scope have a recorded status (the counts are lower bounds otherwise), and the sentence.
/// </summary>
public sealed record InstrumentStatus(
    Instrument Instrument, DateOnly AsOf, ReportScopeKind Scope, string ScopeDescription, Standing[] Participants,
    int Signatories, int Consented, int Parties, Coverage Coverage, string Sentence);
