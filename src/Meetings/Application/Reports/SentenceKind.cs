namespace TocMesh.Meetings.Application.Reports;

/// <summary>What a sentence of the report tells, which decides where its paragraphs begin.</summary>
internal enum SentenceKind { None, Opening, Election, Decision, Presentation, Statement, Support, Question, Answer }
