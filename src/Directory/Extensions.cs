using TocMesh.Directory.Data;
using TocMesh.Directory.Domain;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.MemberStates;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory;

public static class DirectoryServiceInfo
{
    public const string Name = "directory";
}

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var service = new ServiceIdentity(DirectoryServiceInfo.Name);
        builder.AddServiceDatabase<DirectoryDbContext>(service);
        builder.Services.AddScoped<IDataSeeder, ReferenceDataImporter>();
        builder.Services.AddScoped<MemberStateCatalog>();

        // The Directory is the register's source: other services reach it over gRPC, we read our own tables.
        builder.Services.AddSingleton<IMemberStateSource, LocalMemberStateSource>();
        builder.Services.AddSingleton<MemberStateRegister>();
        return builder;
    }
}
