using System.Reflection;
using System.Runtime.Versioning;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace TocMesh.AppHost;

public static class ServiceResources
{
    /// <summary>
    /// What every TocMesh service gets in the mesh: the shared cache (when there is one), the
    /// partner API keys of the AppHost's configuration (section <c>Auth:ApiKeys</c>, hashes only),
    /// and a health check that asks the service's own <c>grpc.health.v1</c> endpoint.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTocMeshDefaults(
        this IResourceBuilder<ProjectResource> project, IResourceBuilder<IResourceWithConnectionString>? cache)
    {
        if (cache is not null)
        {
            // No WaitFor: a service starts without Redis and connects when it answers (Redis is only the
            // second cache level), so the services start at once instead of after Redis's health check.
            project.WithReference(cache);
        }

        var keys = project.ApplicationBuilder.Configuration.GetSection("Auth:ApiKeys");
        // The mesh is where operators watch the traffic: every call is a trace in its dashboard,
        // whatever environment a service would otherwise run in (a deployment samples a tenth).
        // `--Telemetry:TraceSampleRatio=0.1` samples here too.
        var sampleRatio = project.ApplicationBuilder.Configuration["Telemetry:TraceSampleRatio"] ?? "1";
        var keysFile = Path.Combine(DataFolders.Root(project.ApplicationBuilder), "api-keys.json");
        project.WithEnvironment(context =>
        {
            // Keys issued with `tocmesh keys issue --file AppHost/data/api-keys.json` (or in Data:Folder), shared by every service.
            context.EnvironmentVariables["Auth__KeysFile"] = keysFile;
            context.EnvironmentVariables["Telemetry__TraceSampleRatio"] = sampleRatio;
            foreach (var (name, value) in MeshResources.RuntimeEnvironment)
            {
                context.EnvironmentVariables[name] = value;
            }

            foreach (var setting in keys.AsEnumerable(makePathsRelative: true).Where(s => s.Value is not null))
            {
                context.EnvironmentVariables[$"Auth__ApiKeys__{setting.Key.Replace(":", "__", StringComparison.Ordinal)}"] = setting.Value!;
            }
        });

        return project.WithBuiltOutput().WithTocMeshReplicas(cache is not null).WithGrpcHealthCheck();
    }

    /// <summary>
    /// Starts the service from the output the AppHost's build has just made (<c>dotnet &lt;service&gt;.dll</c>)
    /// instead of Aspire's <c>dotnet run --no-build</c>, a launcher that evaluates the project with MSBuild
    /// before the service starts: about a second of CPU and 130 MB per service, four at once when the mesh starts.
    /// Aspire's own launch stays where the output is not in the layout every project here builds to
    /// (<c>bin/&lt;configuration&gt;/&lt;framework&gt;</c>, as the AppHost's own), under <c>dotnet watch</c>,
    /// and under an IDE's debug session, which launches projects itself.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithBuiltOutput(this IResourceBuilder<ProjectResource> project)
    {
        var configuration = project.ApplicationBuilder.Configuration;
        var projectPath = project.Resource.GetProjectMetadata().ProjectPath;
        if (configuration.GetValue<bool>("DOTNET_WATCH") || !string.IsNullOrEmpty(configuration["DEBUG_SESSION_PORT"])
            || BuiltOutput(projectPath) is not { } assembly)
        {
            return project;
        }

        // The project's folder stays the working directory: its content root, as under `dotnet run`.
        project.WithAnnotation(
            new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = Path.GetDirectoryName(projectPath)! },
            ResourceAnnotationMutationBehavior.Replace);
        return project.WithArgs(assembly);
    }

    /// <summary>The project's assembly where the AppHost's build puts it (same configuration and framework), when it is there.</summary>
    public static string? BuiltOutput(string projectPath)
    {
        var appHost = typeof(ServiceResources).Assembly;
        var buildConfiguration = appHost.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration;
        var framework = appHost.GetCustomAttribute<TargetFrameworkAttribute>()?.FrameworkName is { } name
            ? new FrameworkName(name)
            : null;
        if (buildConfiguration is not { Length: > 0 } || framework is null)
        {
            return null;
        }

        var assembly = Path.Combine(
            Path.GetDirectoryName(projectPath)!, "bin", buildConfiguration,
            $"net{framework.Version.Major}.{framework.Version.Minor}", Path.GetFileNameWithoutExtension(projectPath) + ".dll");
        return File.Exists(assembly) ? assembly : null;
    }

    /// <summary>
    /// <c>Replicas:&lt;resource&gt;</c> (e.g. <c>Replicas:directory=2</c>), else <c>Replicas:Default</c>, else 1:
    /// how many processes serve the resource. Aspire's proxy on the resource's port spreads connections
    /// over them. Replicas keep nothing of their own: they share the service's database and Redis,
    /// which carries their cache removals and change notices to each other.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithTocMeshReplicas(this IResourceBuilder<ProjectResource> project, bool withRedis)
    {
        var configuration = project.ApplicationBuilder.Configuration;
        var name = project.Resource.Name;
        var replicas = configuration.GetValue($"Replicas:{name}", configuration.GetValue("Replicas:Default", 1));
        if (replicas < 1)
        {
            throw new InvalidOperationException($"Replicas:{name} is {replicas}; it must be at least 1.");
        }

        if (replicas == 1)
        {
            return project;
        }

        project.WithReplicas(replicas).WithEnvironment("Caching__Replicas", replicas.ToString(System.Globalization.CultureInfo.InvariantCulture));
        project.ApplicationBuilder.Eventing.Subscribe<BeforeStartEvent>((_, _) =>
        {
            // A database server is a referenced connection string other than the cache; without one the
            // replicas open the same SQLite file (one content root): fine on one machine, never across machines.
            var databaseServer = project.Resource.Annotations.OfType<ResourceRelationshipAnnotation>()
                .Any(r => r.Resource is IResourceWithConnectionString && r.Resource.Name != MeshResources.Cache);
            if (!databaseServer)
            {
                Console.Error.WriteLine($"TocMesh: {replicas} replicas of {name} share one SQLite file ({name}.db, WAL): this works on this machine only; for replicas on several machines use PostgreSQL.");
            }

            if (!withRedis)
            {
                Console.Error.WriteLine($"TocMesh: {replicas} replicas of {name} and no Redis: a write on one replica reaches the others' in-process caches only when their entries expire (5 s at most without Redis).");
            }

            return Task.CompletedTask;
        });
        return project;
    }

    /// <summary>Healthy when the service answers SERVING on its gRPC (h2c) endpoint.</summary>
    public static IResourceBuilder<ProjectResource> WithGrpcHealthCheck(this IResourceBuilder<ProjectResource> project, string endpointName = "http")
    {
        var endpoint = project.GetEndpoint(endpointName);
        var key = $"{project.Resource.Name}_grpc_health";
        var check = new GrpcHealthCheck(endpoint); // one channel for the life of the AppHost
        project.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            key, _ => check, HealthStatus.Unhealthy, tags: null, timeout: TimeSpan.FromSeconds(5)));
        return project.WithHealthCheck(key);
    }

    private sealed class GrpcHealthCheck(EndpointReference endpoint) : IHealthCheck
    {
        private GrpcChannel? _channel;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            if (!endpoint.IsAllocated)
            {
                return HealthCheckResult.Unhealthy("The endpoint is not allocated yet.");
            }

            _channel ??= GrpcChannel.ForAddress(endpoint.Url);
            try
            {
                var response = await new Health.HealthClient(_channel)
                    .CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(3), cancellationToken: cancellationToken);
                return response.Status == HealthCheckResponse.Types.ServingStatus.Serving
                    ? HealthCheckResult.Healthy()
                    : HealthCheckResult.Unhealthy($"grpc.health.v1 answered {response.Status}.");
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.Unavailable or StatusCode.DeadlineExceeded)
            {
                // Still starting (a service serves once its database is migrated and seeded), or down.
                return HealthCheckResult.Unhealthy($"The service does not answer yet ({e.StatusCode}).");
            }
        }
    }
}
