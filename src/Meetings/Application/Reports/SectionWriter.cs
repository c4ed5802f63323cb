using System.Text;

namespace TocMesh.Meetings.Application.Reports;

/// <summary>
/// Writes one section sentence by sentence into paragraphs, and remembers who the last sentence was
/// about (so the next one by the same speaker reads "It also ...") and what it was (so a new kind of
/// exchange, such as the questions, starts a paragraph).
/// </summary>
internal sealed class SectionWriter(string id, string title)
{
    /// <summary>A paragraph this long ends where the speaker changes.</summary>
    private const int ParagraphLength = 500;

    private readonly List<ReportBlock> _blocks = [];
    private readonly StringBuilder _paragraph = new();
    private readonly List<string> _failures = [];
    private int _lastSentenceStart;

    public string Id => id;

    /// <summary>Who the last sentence of the paragraph was about (participant ids joined); null after a break or a sentence about no one.</summary>
    public string? LastSubject { get; private set; }

    public SentenceKind LastKind { get; private set; } = SentenceKind.None;

    public bool ParagraphStarted => _paragraph.Length > 0;

    public bool SectionStarted => _blocks.Count > 0 || _paragraph.Length > 0;

    /// <summary>Whether a sentence about <paramref name="subject"/> of <paramref name="kind"/> starts a paragraph.</summary>
    public bool Breaks(string? subject, SentenceKind kind)
    {
        if (!ParagraphStarted)
        {
            return false;
        }

        var newExchange = kind != LastKind && kind switch
        {
            SentenceKind.Question or SentenceKind.Answer or SentenceKind.Election => true,
            SentenceKind.Presentation => LastKind is not (SentenceKind.Decision or SentenceKind.Presentation),
            _ => LastKind is SentenceKind.Election,
        };
        // Support follows what it supports; it never opens a paragraph of its own.
        return newExchange || (subject != LastSubject && kind != SentenceKind.Support && _paragraph.Length >= ParagraphLength);
    }

    public void Sentence(string text, string? subject, SentenceKind kind)
    {
        if (Breaks(subject, kind))
        {
            Break();
        }

        Append(text);
        LastSubject = subject;
        LastKind = kind;
    }

    /// <summary>
    /// Carries the last sentence on ("... mentioned A and B.") when it is short enough to take
    /// <paramref name="continuation"/>; false, and nothing written, when it is not.
    /// </summary>
    public bool TryContinue(string continuation, int maxLength)
    {
        var last = _paragraph.Length - _lastSentenceStart;
        if (!ParagraphStarted || _paragraph[^1] != '.' || last + continuation.Length > maxLength)
        {
            return false;
        }

        _paragraph.Length--;
        _paragraph.Append(' ').Append(Prose.EndSentence(continuation));
        return true;
    }

    /// <summary>Computed sentences after the last one, in the same paragraph; a failed source marks the section incomplete.</summary>
    public void AddPassage(Passage passage)
    {
        if (passage.Text.Length > 0)
        {
            Append(passage.Text);
        }

        if (passage.Failure is { } failure && !_failures.Contains(failure))
        {
            _failures.Add(failure);
        }
    }

    public void Break()
    {
        if (_paragraph.Length > 0)
        {
            _blocks.Add(new Paragraph(_paragraph.ToString()));
            _paragraph.Clear();
        }

        LastSubject = null;
    }

    public void Add(ReportBlock block)
    {
        Break();
        _blocks.Add(block);
    }

    public ReportSection ToSection()
    {
        Break();
        return new ReportSection(id, title, _blocks, _failures.Count == 0, string.Join("; ", _failures));
    }

    private void Append(string text)
    {
        if (_paragraph.Length > 0)
        {
            _paragraph.Append(' ');
        }

        _lastSentenceStart = _paragraph.Length;
        _paragraph.Append(Prose.EndSentence(text));
    }
}
