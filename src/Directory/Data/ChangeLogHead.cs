namespace TocMesh.Directory.Data;

/// <summary>The head of the directory's change log: one row, the last sequence number handed out.</summary>
public sealed class ChangeLogHead
{
    public int Id { get; set; }

    public long LastSequence { get; set; }
}
