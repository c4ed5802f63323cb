using TocMesh.MemberStates;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.Treaty.Application;
using TocMesh.Treaty.Application.ReferenceData;
using TocMesh.Treaty.Data;
using TocMesh.Treaty.Data.Seeders;

namespace TocMesh.Treaty;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMemberStateRegister();
        builder.AddServiceDatabase<TreatyDbContext, SqliteTreatyDbContext, PostgresTreatyDbContext>(new ServiceIdentity(MeshResources.Treaty));
        builder.Services.AddScoped<ReferenceDataImporter>();
        builder.Services.AddScoped<IDataSeeder, ReferenceDataSeeder>();
        builder.Services.AddScoped<TreatyActionLedger>();
        builder.Services.AddScoped<TreatyStatusReader>();
        builder.Services.AddScoped<LegislationRegister>();
        builder.Services.AddScoped<DataQualityReader>();
        builder.Services.AddSingleton<DataQualityGauge>();
        return builder;
    }
}
