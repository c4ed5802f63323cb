namespace TocMesh.Treaty.Domain;

/// <summary>One instrument's line of the ratification report: who in scope had consented, who had not (and of those, who had only signed), the sentence, and the caveats of the data.</summary>
public sealed record Tally(Instrument Instrument, string[] Consented, string[] NotConsented, string[] SignedOnly, string Sentence, string[] Caveats);
