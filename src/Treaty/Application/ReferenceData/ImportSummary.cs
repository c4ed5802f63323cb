namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>What one import of the reference data did: rows read, actions created, updated, unchanged or kept as the Secretariat has them, findings, and the status evidence held.</summary>
public sealed record ImportSummary(int Instruments, int RowsRead, int Created, int Updated, int Unchanged, int KeptAsCorrected, int Findings, int Evidence);
