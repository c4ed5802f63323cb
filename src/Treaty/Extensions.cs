using Microsoft.Extensions.DependencyInjection.Extensions;
using TocMesh.ServiceDefaults;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.Treaty.Data;

namespace TocMesh.Treaty;

public static class TreatyServiceInfo
{
    public const string Name = MeshResources.Treaty;
}

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMemberStateRegister();
        builder.AddServiceDatabase<TreatyDbContext, SqliteTreatyDbContext, PostgresTreatyDbContext>(new ServiceIdentity(TreatyServiceInfo.Name));
        builder.Services.AddScoped<ReferenceDataImporter>();
        builder.Services.AddScoped<IDataSeeder>(sp => sp.GetRequiredService<ReferenceDataImporter>());
        builder.Services.AddScoped<TreatyActionLedger>();
        builder.Services.AddScoped<TreatyStatusReader>();
        builder.Services.AddScoped<LegislationRegister>();
        builder.Services.AddScoped<DataQualityFindings>();
        builder.Services.AddSingleton<DataQualityGauge>();
        return builder;
    }
}
