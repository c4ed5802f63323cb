using System.Globalization;
using CsvHelper.Configuration.Attributes;
using TocMesh.Directory.Application;
using TocMesh.Directory.Domain;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Data.Seeders;

/// <summary>
/// The change requests the record of the group's meetings opened (change_requests.csv): at the
/// second meeting, seven states reported changes to their points of contact and Ecuador undertook to
/// send its own. Each row is recorded once, keyed by its request id; a resolved one stays resolved.
/// </summary>
public sealed partial class ChangeRequestSeeder(ChangeRequestStore requests, MemberStateRegister register, ILogger<ChangeRequestSeeder> logger) : IDataSeeder
{
    public const string OpenedBy = "Record of the meetings of the Technical Group";

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var rows = ReferenceFiles.Read<Row>("change_requests.csv");
        var added = 0;
        foreach (var row in rows)
        {
            var state = await register.EnsureMemberAsync(row.StateCode, "state_code", cancellationToken, requireVerified: true);
            var draft = new ChangeRequestDraft(
                state,
                ParseRole(row.Role),
                row.Description,
                row.SourceMeetingId,
                row.SourceDocument,
                DateOnly.ParseExact(row.OpenedOn, "yyyy-MM-dd", CultureInfo.InvariantCulture),
                string.IsNullOrWhiteSpace(row.DueOn) ? null : DateOnly.ParseExact(row.DueOn, "yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (await requests.SeedAsync(draft, row.RequestId, OpenedBy, cancellationToken))
            {
                added++;
            }
        }

        LogSeeded(logger, rows.Count, added);
    }

    private static ContactRole ParseRole(string role) => role switch
    {
        "national_point_of_contact" => ContactRole.NationalPointOfContact,
        "mla_central_authority" => ContactRole.MlaCentralAuthority,
        "palermo_authority" => ContactRole.PalermoAuthority,
        "courses" => ContactRole.Courses,
        _ => throw new InvalidDataException($"change_requests.csv: unknown role '{role}'."),
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Change requests from the meeting records: {Rows} read, {Added} added")]
    private static partial void LogSeeded(ILogger logger, int rows, int added);

    private sealed class Row
    {
        [Name("request_id")] public string RequestId { get; set; } = "";
        [Name("state_code")] public string StateCode { get; set; } = "";
        [Name("role")] public string Role { get; set; } = "";
        [Name("source_meeting_id")] public string SourceMeetingId { get; set; } = "";
        [Name("source_document")] public string SourceDocument { get; set; } = "";
        [Name("opened_on")] public string OpenedOn { get; set; } = "";
        [Name("due_on")] public string DueOn { get; set; } = "";
        [Name("description")] public string Description { get; set; } = "";
    }
}
