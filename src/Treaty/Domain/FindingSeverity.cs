namespace TocMesh.Treaty.Domain;

/// <summary>How much a finding matters: how a row was read (Info), a gap or doubt in the data (Warning), or a row that cannot be read or breaks a treaty rule (Error).</summary>
public enum FindingSeverity
{
    Info = 1,
    Warning = 2,
    Error = 3,
}
