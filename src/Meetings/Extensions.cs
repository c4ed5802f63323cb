using TocMesh.Meetings.Application;
using TocMesh.Meetings.Application.Reports;
using TocMesh.Meetings.Clients;
using TocMesh.Meetings.Data;
using TocMesh.Meetings.Data.Seeders;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.Clients;
using TocMesh.ServiceDefaults.Persistence;
using DirectoryClient = TocMesh.Directory.V1.DirectoryService.DirectoryServiceClient;
using TechCoopClient = TocMesh.TechnicalCooperation.V1.TechnicalCooperationService.TechnicalCooperationServiceClient;
using TreatyClient = TocMesh.Treaty.V1.TreatyService.TreatyServiceClient;

namespace TocMesh.Meetings;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var service = new ServiceIdentity(MeshResources.Meetings);
        builder.AddServiceDatabase<MeetingsDbContext, SqliteMeetingsDbContext, PostgresMeetingsDbContext>(service);
        builder.Services.AddScoped<IDataSeeder, MeetingRecordsSeeder>();
        builder.Services.AddScoped<IMeetingStore, MeetingStore>();
        builder.Services.AddScoped<MeetingRecords>();
        builder.Services.AddScoped<DocumentRegistry>();
        builder.Services.AddScoped<MeetingReportBuilder>();
        builder.Services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        builder.AddMemberStateRegister();

        // The report's sources; each call also gets the report's own, shorter deadline.
        builder.AddServiceClient<TreatyClient>(MeshResources.Treaty);
        builder.AddServiceClient<DirectoryClient>(MeshResources.Directory);
        builder.AddServiceClient<TechCoopClient>(MeshResources.TechnicalCooperation);
        builder.Services.AddScoped<IReportSources, ReportSourceClients>();
        builder.Services.AddOpenTelemetry().WithTracing(t => t.AddSource(MeetingReportBuilder.Activity.Name));
        return builder;
    }
}
