namespace TocMesh.Treaty.Domain;

/// <summary>
/// One instrument's line of the ratification report: who in scope had consented (and of those, who
/// only on undated evidence), who is recorded as not having consented (and of those, who had only
/// signed), the coverage (whose status is not recorded), the sentence, and the caveats of the data.
/// </summary>
public sealed record Tally(
    Instrument Instrument, string[] Consented, string[] ConsentedDateUnknown, string[] NotConsented, string[] SignedOnly,
    Coverage Coverage, string Sentence, string[] Caveats);
