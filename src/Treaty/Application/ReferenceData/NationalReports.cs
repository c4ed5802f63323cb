namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>gtdot_ii_national_reports.json: the legislation and the statements the GT/DOT-II report records.</summary>
internal sealed class NationalReports
{
    public List<LawEntry> Legislation { get; set; } = [];

    public List<StatementEntry> Statements { get; set; } = [];
}
