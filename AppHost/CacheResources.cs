using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace TocMesh.AppHost;

public static class CacheResources
{
    /// <summary>
    /// The <c>cache</c> resource. <c>Cache:Mode</c> chooses: <c>container</c>, <c>executable</c>
    /// (the local redis-server), <c>none</c>, or <c>auto</c> (default): a container when
    /// <c>docker info</c> answers within a few seconds, else redis-server when installed, else none.
    /// With none, the services run on their in-process cache and their databases, and we say so.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString>? AddTocMeshCache(this IDistributedApplicationBuilder builder, string name)
    {
        var mode = (builder.Configuration["Cache:Mode"] ?? "auto").Trim().ToLowerInvariant();
        var chosen = mode == "auto";
        if (chosen)
        {
            mode = ContainerRuntimeAnswers() ? "container" : FindOnPath("redis-server") is not null ? "executable" : "none";
        }

        switch (mode)
        {
            case "container":
                // Aspire generates the container's password (a secret parameter) and puts it in the connection string.
                return builder.AddRedis(name);
            case "executable" when FindOnPath("redis-server") is not null:
                return builder.AddRedisServerExecutable(name);
            case "executable":
                Console.Error.WriteLine("TocMesh: Cache:Mode is 'executable' but redis-server is not installed (apt-get install redis-server); running without Redis.");
                return null;
            case "none":
                Console.Error.WriteLine(chosen
                    ? "TocMesh: no container runtime and no redis-server found: running WITHOUT Redis. Each service caches in its own process and reads its database; install redis-server (apt-get install redis-server) for the shared cache."
                    : "TocMesh: Cache:Mode is 'none': running WITHOUT Redis; each service caches in its own process and reads its database.");
                return null;
            default:
                throw new InvalidOperationException($"Cache:Mode '{mode}' is not one of auto, container, executable, none.");
        }
    }

    private static IResourceBuilder<IResourceWithConnectionString> AddRedisServerExecutable(this IDistributedApplicationBuilder builder, string name)
    {
        var workingDirectory = DataFolders.For(builder, name);
        var password = builder.AddParameter($"{name}-password", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);
        var redis = new RedisServerResource(name, workingDirectory, password.Resource);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(redis, async (_, ct) =>
            connectionString = await redis.ConnectionStringExpression.GetValueAsync(ct));
        var healthCheck = $"{name}_check";
        builder.Services.AddHealthChecks().AddRedis(
            _ => connectionString ?? throw new InvalidOperationException("redis-server has no address yet."),
            name: healthCheck);

        return builder.AddResource(redis)
            .WithEndpoint(name: RedisServerResource.EndpointName, scheme: "tcp")
            .WithArgs(async context =>
            {
                // The password goes in a file only its owner reads (not on the command line, which
                // every local user sees); redis-server takes a configuration file as its first argument.
                context.Args.Add(await WriteConfigurationAsync(workingDirectory, password.Resource, context.CancellationToken));
                context.Args.Add("--port");
                context.Args.Add(redis.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                // A cache: nothing to persist.
                context.Args.Add("--save");
                context.Args.Add("");
                context.Args.Add("--appendonly");
                context.Args.Add("no");
            })
            .WithHealthCheck(healthCheck);
    }

    private static async Task<string> WriteConfigurationAsync(string folder, ParameterResource password, CancellationToken cancellationToken)
    {
        var file = Path.Combine(folder, "redis-auth.conf");
        var value = await password.GetValueAsync(cancellationToken) ?? throw new InvalidOperationException("The cache has no password.");
        // Made empty and closed to its owner first, then written.
        await File.WriteAllTextAsync(file, "", cancellationToken);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        await File.WriteAllTextAsync(file, $"requirepass {value}\n", cancellationToken);
        return file;
    }

    internal static bool ContainerRuntimeAnswers()
    {
        if (FindOnPath("docker") is null)
        {
            return false;
        }

        try
        {
            using var docker = Process.Start(new ProcessStartInfo("docker", "info --format {{.ServerVersion}}")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (docker is null)
            {
                return false;
            }

            if (!docker.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                docker.Kill(entireProcessTree: true);
                return false;
            }

            return docker.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, executable))
            .FirstOrDefault(File.Exists);
}
