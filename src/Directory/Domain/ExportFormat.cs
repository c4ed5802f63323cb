namespace TocMesh.Directory.Domain;

/// <summary>How <see cref="DirectoryExport"/> writes each contact's line.</summary>
public enum ExportFormat
{
    Csv,
    JsonLines,
}
