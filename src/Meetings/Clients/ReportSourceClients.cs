using Grpc.Core;
using TocMesh.Meetings.Application.Reports;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using DirectoryV1 = TocMesh.Directory.V1;
using TechCoopV1 = TocMesh.TechnicalCooperation.V1;
using TreatyV1 = TocMesh.Treaty.V1;

namespace TocMesh.Meetings.Clients;

/// <summary>
/// The report's sources, through the contracts of Treaty, Directory and TechnicalCooperation.
/// A failed call becomes <see cref="DependencyUnavailableException"/> naming the service and the status.
/// </summary>
public sealed class ReportSourceClients(
    TreatyV1.TreatyService.TreatyServiceClient treaty,
    DirectoryV1.DirectoryService.DirectoryServiceClient directory,
    TechCoopV1.TechnicalCooperationService.TechnicalCooperationServiceClient techcoop) : IReportSources
{
    public async Task<RatificationStatus> GetRatificationStatusAsync(DateOnly asOf, IReadOnlyList<string> instrumentIds, DateTime deadline, CancellationToken cancellationToken)
    {
        var request = new TreatyV1.GetRatificationReportRequest { AsOf = asOf.ToProto(), Scope = TreatyV1.ReportScope.CountedMembers };
        request.InstrumentIds.AddRange(instrumentIds);
        var report = await CallAsync(MeshResources.Treaty, () => treaty.GetRatificationReportAsync(request, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);
        return new RatificationStatus(
            report.AsOf.ToDateOnly("as_of"),
            report.ScopeDescription,
            report.Tallies.Select(t => new RatificationLine(t.Instrument?.Id ?? "", t.Instrument?.ShortName ?? "", t.ConsentedCount, t.Sentence)).ToList(),
            report.Paragraph);
    }

    public async Task<IReadOnlyList<PointOfContactChange>> ListChangeRequestsAsync(string meetingId, DateTime deadline, CancellationToken cancellationToken)
    {
        var changes = new List<PointOfContactChange>();
        var request = new DirectoryV1.ListChangeRequestsRequest { SourceMeetingId = meetingId, PageSize = 100 };
        do
        {
            var page = await CallAsync(MeshResources.Directory, () => directory.ListChangeRequestsAsync(request, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);
            changes.AddRange(page.ChangeRequests.Select(c => new PointOfContactChange(
                c.StateCode,
                Words(c.Role.ToString()),
                c.Description,
                c.SourceDocument,
                Words(c.Status.ToString()),
                c.OpenedOn.ToDateOnlyOrNull("opened_on"),
                c.DueOn.ToDateOnlyOrNull("due_on"),
                c.ResolvedOn.ToDateOnlyOrNull("resolved_on"))));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return changes;
    }

    public async Task<Toolkit> ListCoursesAsync(DateTime deadline, CancellationToken cancellationToken)
    {
        var courses = new List<ToolkitCourse>();
        var request = new TechCoopV1.ListCoursesRequest { PageSize = 100 };
        do
        {
            var page = await CallAsync(MeshResources.TechnicalCooperation, () => techcoop.ListCoursesAsync(request, deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);
            courses.AddRange(page.Courses.Select(c => new ToolkitCourse(c.Name, c.Title, c.Kind.ToString(), c.ThematicAreas.ToList(), c.Audiences.ToList(), c.SourceDocument)));
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken.Length > 0);

        return new Toolkit(courses);
    }

    public async Task<NeedsAssessment> GetNeedsAssessmentAsync(DateTime deadline, CancellationToken cancellationToken)
    {
        var assessment = await CallAsync(MeshResources.TechnicalCooperation, () => techcoop.GetNeedsAssessmentAsync(new TechCoopV1.GetNeedsAssessmentRequest(), deadline: deadline, cancellationToken: cancellationToken).ResponseAsync);
        return new NeedsAssessment(assessment.Needs
            .Select(n => new RecordedNeed(n.Area, n.SourceMeetingId, n.SourceDocument, n.Status == TechCoopV1.NeedStatus.Resolved))
            .ToList());
    }

    private static async Task<T> CallAsync<T>(string dependency, Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (RpcException e)
        {
            throw new DependencyUnavailableException(dependency, $"{dependency}: {e.StatusCode}");
        }
    }

    /// <summary>"CHANGE_REQUEST_STATUS_OPEN" comes to C# as "Open"; "NationalPointOfContact" reads "national point of contact".</summary>
    private static string Words(string enumName) =>
        string.Concat(enumName.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
