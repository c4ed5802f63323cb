using TocMesh.MemberStates;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.Clients;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Application;
using TocMesh.TechnicalCooperation.Clients;
using TocMesh.TechnicalCooperation.Data;
using TocMesh.TechnicalCooperation.Data.Seeders;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMemberStateRegister();
        builder.AddServiceDatabase<TechCoopDbContext, SqliteTechCoopDbContext, PostgresTechCoopDbContext>(new ServiceIdentity(MeshResources.TechnicalCooperation));
        builder.Services.AddScoped<IDataSeeder, SecondMeetingReportSeeder>();

        builder.Services.AddSingleton(CurrencyReference.Load());
        builder.Services.AddScoped<ToolkitStore>();
        builder.Services.AddScoped<NeedsStore>();
        builder.Services.AddScoped<CurriculumRequestStore>();
        builder.Services.AddScoped<FundingStore>();
        builder.Services.AddScoped<PointsOfContact>();

        // Points of contact come from the Directory; treaty status from Treaty.
        builder.AddServiceClient<Directory.V1.DirectoryService.DirectoryServiceClient>(MeshResources.Directory, TimeSpan.FromSeconds(3));
        builder.Services.AddSingleton<DirectoryOutage>();
        builder.Services.AddScoped<IContactDirectory, DirectoryContacts>();
        builder.AddServiceClient<Treaty.V1.TreatyService.TreatyServiceClient>(MeshResources.Treaty);
        builder.Services.AddScoped<ITreatyStatusSource, TreatyStatusClient>();
        return builder;
    }
}
