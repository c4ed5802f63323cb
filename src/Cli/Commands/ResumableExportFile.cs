using System.Text;
using TocMesh.Cli.Hosting;

namespace TocMesh.Cli.Commands;

/// <summary>
/// The file an export goes to, resumed after its last complete row. ExportDirectory has no resume
/// position (it always streams from the first line), so a resumed export receives the whole stream
/// again: the rows already in the file are checked against the stream, one by one, and only the
/// rows after them are written. A file that does not match (the directory changed meanwhile, or
/// the file is another export) is refused rather than patched.
/// </summary>
internal sealed class ResumableExportFile : IDisposable
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly string _path;
    private readonly string _existing;
    private int _verifiedChars;
    private long _verifiedBytes;
    private StreamWriter? _writer;

    private ResumableExportFile(string path, string existing)
    {
        _path = path;
        _existing = existing;
    }

    /// <summary>Rows already in the file that matched the stream and were kept.</summary>
    public int RowsKept { get; private set; }

    /// <summary>Rows written by this run.</summary>
    public int RowsWritten { get; private set; }

    /// <summary>Whether the file already held rows when the export began.</summary>
    public bool Resumed => _existing.Length > 0;

    public static ResumableExportFile Open(string path, bool restart)
    {
        var full = Path.GetFullPath(path);
        if (System.IO.Directory.Exists(full))
        {
            throw new CliException($"{path} is a folder; --out takes a file name.");
        }

        var existing = !restart && File.Exists(full) ? Utf8.GetString(File.ReadAllBytes(full)) : "";
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        return new ResumableExportFile(full, existing);
    }

    public async Task AcceptAsync(string line, CancellationToken cancellationToken)
    {
        var record = line + "\n";
        if (_writer is null)
        {
            var remaining = _existing.Length - _verifiedChars;
            if (remaining >= record.Length)
            {
                if (string.CompareOrdinal(_existing, _verifiedChars, record, 0, record.Length) != 0)
                {
                    throw Mismatch();
                }

                _verifiedChars += record.Length;
                _verifiedBytes += Utf8.GetByteCount(record);
                RowsKept++;
                return;
            }

            // The file ends inside this row: what is left is a row cut short, dropped and written again.
            var tail = _existing.AsSpan(_verifiedChars);
            if (!record.AsSpan().StartsWith(tail, StringComparison.Ordinal) && tail.Contains('\n'))
            {
                throw Mismatch();
            }

            _writer = OpenAt(_verifiedBytes);
        }

        await _writer.WriteAsync(record.AsMemory(), cancellationToken);
        RowsWritten++;
    }

    /// <summary>After the last row: a file with more complete rows than the export does not match it.</summary>
    public async Task CompleteAsync()
    {
        if (_writer is null)
        {
            var tail = _existing.AsSpan(_verifiedChars);
            if (tail.Contains('\n'))
            {
                throw Mismatch();
            }

            _writer = OpenAt(_verifiedBytes); // drops a cut row after the last complete one, or creates the file
        }

        await _writer.FlushAsync();
    }

    public void Dispose() => _writer?.Dispose();

    private StreamWriter OpenAt(long length)
    {
        var file = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.Read);
        file.SetLength(length);
        file.Seek(0, SeekOrigin.End);
        return new StreamWriter(file, Utf8);
    }

    private CliException Mismatch() => new(
        $"{_path} does not match what the Directory exports now (first difference at row {RowsKept + 1}): the directory changed since the " +
        "partial export, or the file is another export (format, filters or key). Run again with --restart to export from the start.");
}
