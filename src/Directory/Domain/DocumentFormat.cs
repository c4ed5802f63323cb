namespace TocMesh.Directory.Domain;

/// <summary>How <see cref="DirectoryDocument"/> writes the directory.</summary>
public enum DocumentFormat
{
    Markdown,
    PlainText,
}
