namespace TocMesh.Treaty.Application;

/// <summary>One state and topic of the legislative comparison: the names of the texts in effect, and of those pending.</summary>
public sealed record ComparisonCell(string Topic, string[] InEffect, string[] Pending);
