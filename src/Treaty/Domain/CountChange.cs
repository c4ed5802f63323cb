namespace TocMesh.Treaty.Domain;

/// <summary>How the count of consenting states on one instrument changed between two dates, and who made the difference.</summary>
public sealed record CountChange(string InstrumentId, int From, int To, string[] Newly, string[] NoLonger);
