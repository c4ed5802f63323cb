namespace TocMesh.Meetings.Application.Reports;

/// <summary>The formats a report renders to (values match the contract's ReportFormat).</summary>
public enum ReportFormat { Markdown = 1, Html = 2, Text = 3 }
