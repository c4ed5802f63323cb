using TocMesh.Meetings.Data;
using TocMesh.Meetings.Domain;
using TocMesh.Meetings.Domain.Reports;
using TocMesh.Meetings.Grpc;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.Clients;
using TocMesh.ServiceDefaults.MemberStates;
using TocMesh.ServiceDefaults.Persistence;
using TechCoopClient = TocMesh.TechnicalCooperation.V1.TechnicalCooperationService.TechnicalCooperationServiceClient;
using TreatyClient = TocMesh.Treaty.V1.TreatyService.TreatyServiceClient;

namespace TocMesh.Meetings;

public static class MeetingsServiceInfo
{
    public const string Name = "meetings";
}

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var service = new ServiceIdentity(MeetingsServiceInfo.Name);
        builder.AddServiceDatabase<MeetingsDbContext, SqliteMeetingsDbContext, PostgresMeetingsDbContext>(service);
        builder.Services.AddScoped<IDataSeeder, SeedImporter>();
        builder.Services.AddScoped<IMeetingStore, MeetingStore>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<MeetingRecords>();
        builder.Services.AddScoped<DocumentRegistry>();
        builder.Services.AddScoped<MeetingReportBuilder>();
        builder.Services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section);
        builder.AddMemberStateRegister();

        // The report's sources; each call also gets the report's own, shorter deadline.
        builder.AddServiceClient<TreatyClient>("treaty");
        builder.AddServiceClient<Directory.V1.DirectoryService.DirectoryServiceClient>(MemberStateRegisterExtensions.DirectoryResource);
        builder.AddServiceClient<TechCoopClient>("techcoop");
        builder.Services.AddScoped<IReportSources, ReportSourceClients>();
        builder.Services.AddOpenTelemetry().WithTracing(t => t.AddSource(MeetingReportBuilder.Activity.Name));
        return builder;
    }
}
