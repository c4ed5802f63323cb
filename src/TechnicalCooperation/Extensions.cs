using Grpc.Core;
using Grpc.Net.Client.Configuration;
using TocMesh.ServiceDefaults;
using TocMesh.ServiceDefaults.Clients;
using TocMesh.ServiceDefaults.MemberStates;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Data;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation;

public static class TechCoopServiceInfo
{
    public const string Name = "techcoop";
}

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddMemberStateRegister();
        builder.AddServiceDatabase<TechCoopDbContext>(new ServiceIdentity(TechCoopServiceInfo.Name));
        builder.Services.AddScoped<IDataSeeder, SeedReportImporter>();

        builder.Services.AddSingleton(CurrencyReference.Load());
        builder.Services.AddScoped<ToolkitStore>();
        builder.Services.AddScoped<NeedsStore>();
        builder.Services.AddScoped<CurriculumRequestStore>();
        builder.Services.AddScoped<FundingStore>();

        // Points of contact come from the Directory; treaty status from Treaty.
        builder.AddDirectoryContactsClient();
        builder.Services.AddSingleton<DirectoryOutage>();
        builder.Services.AddScoped<IContactDirectory, DirectoryContacts>();
        builder.AddServiceClient<Treaty.V1.TreatyService.TreatyServiceClient>("treaty");
        builder.Services.AddScoped<ITreatyStatusSource, TreatyStatusClient>();
        return builder;
    }

    /// <summary>
    /// Our own client of the Directory's contract. The member-state register already registers a client
    /// of the same generated type name under the standard name, so this one gets a name of its own
    /// (still under "directory/", so it is routed and discovered like the other) with the same
    /// deadline and retry policy as <see cref="ServiceClientExtensions.AddServiceClient{TClient}(IServiceCollection, string, TimeSpan?)"/>.
    /// </summary>
    private static void AddDirectoryContactsClient(this IHostApplicationBuilder builder)
    {
        const string resource = MemberStateRegisterExtensions.DirectoryResource;
        builder.Services
            .AddGrpcClient<Directory.V1.DirectoryService.DirectoryServiceClient>($"{resource}/techcoop-contacts", o => o.Address = new Uri($"http://{resource}"))
            .ConfigureChannel(channel => channel.ServiceConfig = new ServiceConfig
            {
                MethodConfigs =
                {
                    new MethodConfig
                    {
                        Names = { MethodName.Default },
                        RetryPolicy = new RetryPolicy
                        {
                            MaxAttempts = 3,
                            InitialBackoff = TimeSpan.FromMilliseconds(100),
                            MaxBackoff = TimeSpan.FromSeconds(1),
                            BackoffMultiplier = 2,
                            RetryableStatusCodes = { StatusCode.Unavailable },
                        },
                    },
                },
            })
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .AddInterceptor(() => new DeadlineInterceptor(TimeSpan.FromSeconds(3)));
    }
}
