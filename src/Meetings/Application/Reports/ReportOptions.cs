namespace TocMesh.Meetings.Application.Reports;

/// <summary>How the meeting report treats the services it draws on (section "Meetings:Report").</summary>
public sealed class ReportOptions
{
    public const string Section = "Meetings:Report";

    /// <summary>How long each call to another service may take before its section is marked unavailable.</summary>
    public TimeSpan DependencyTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
