using TocMesh.Directory.Application;
using TocMesh.Directory.Data;
using TocMesh.Directory.Data.Seeders;
using TocMesh.MemberStates;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        var service = new ServiceIdentity(MeshResources.Directory);
        builder.AddServiceDatabase<DirectoryDbContext, SqliteDirectoryDbContext, PostgresDirectoryDbContext>(service);

        // Seeders run in this order: the register first, then what refers to member states.
        builder.Services.AddScoped<IDataSeeder, MemberStateSeeder>();
        builder.Services.AddScoped<IDataSeeder, ChangeRequestSeeder>();
        builder.Services.AddScoped<MemberStateCatalog>();

        // The Directory is the register's source: other services reach it over gRPC, we read our own tables.
        builder.Services.AddSingleton<IMemberStateSource, LocalMemberStateSource>();
        builder.Services.AddSingleton<MemberStateRegister>();

        builder.Services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section);
        builder.Services.AddScoped<ContactReader>();
        builder.Services.AddScoped<ContactStore>();
        builder.Services.AddScoped<ChangeRequestStore>();
        builder.Services.AddSingleton<OverdueChangeRequests>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<OverdueChangeRequests>());
        builder.Services.AddScoped<DirectoryChangeLog>();
        builder.Services.AddSingleton<DirectoryChangeSignal>();
        builder.Services.AddSingleton<WatchSlots>();
        return builder;
    }
}
