using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.TestSupport;

/// <summary>
/// One TocMesh service on an in-process test server with its own throwaway database (SQLite in a
/// folder deleted when the test process ends, or PostgreSQL on <see cref="PostgresServer.Shared"/>
/// when asked), the test API keys, and (optionally) Redis or other services it calls. Call it
/// through real generated clients from <see cref="Client{TClient}"/>.
/// </summary>
/// <typeparam name="TEntryPoint">Any type of the service's assembly.</typeparam>
public class ServiceHost<TEntryPoint> : WebApplicationFactory<TEntryPoint> where TEntryPoint : class
{
    private readonly string _serviceName;
    private readonly Dictionary<string, string?> _settings = new();
    private readonly List<Action<IServiceCollection>> _services = [];
    private readonly List<GrpcChannel> _channels = [];
    private readonly List<ClosedPort> _closedPorts = [];

    public ServiceHost(string serviceName, string? dataFolder = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        _serviceName = serviceName;
        Provider = provider;
        DataFolder = dataFolder ?? TemporaryFolders.New(serviceName);
        System.IO.Directory.CreateDirectory(DataFolder);
        // On PostgreSQL the data folder names the database: a new host given the same folder is a restart.
        _settings[$"ConnectionStrings:{serviceName}db"] = provider == DatabaseProvider.Postgres
            ? PostgresServer.Shared.DatabaseFor(serviceName, DataFolder)
            : $"Data Source={DatabasePath}";
        foreach (var (key, value) in TestKeys.Configuration())
        {
            _settings[key] = value;
        }
    }

    /// <summary>The database engine this host's service runs on.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>
    /// Where this host keeps its database; give it to a new host to see a restart. Unless given, a
    /// folder of <see cref="TemporaryFolders"/>, deleted when the test process ends.
    /// </summary>
    public string DataFolder { get; }

    public string DatabasePath => Path.Combine(DataFolder, $"{_serviceName}.db");

    /// <summary>Adds or overrides a configuration value (before the first client is made).</summary>
    public ServiceHost<TEntryPoint> WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Uses a real Redis as the second cache level.</summary>
    public ServiceHost<TEntryPoint> WithRedis(string connectionString) => WithSetting("ConnectionStrings:cache", connectionString);

    /// <summary>Changes the service's registrations, e.g. to add an in-memory trace exporter.</summary>
    public ServiceHost<TEntryPoint> WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    /// <summary>
    /// Routes every gRPC client this service has of <paramref name="resourceName"/> to another
    /// in-process service (or to any handler, e.g. one that reaches a closed port to stage an outage).
    /// </summary>
    public ServiceHost<TEntryPoint> WithDependency(string resourceName, Func<HttpMessageHandler> handler)
    {
        WithSetting($"services:{resourceName}:http:0", $"http://{resourceName}.test");
        return WithServices(services => services.AddSingleton<IHttpMessageHandlerBuilderFilter>(new DependencyRouting(resourceName + "/", handler)));
    }

    /// <summary>Routes the service's calls of <paramref name="resourceName"/> to <paramref name="dependency"/>.</summary>
    public ServiceHost<TEntryPoint> WithDependency<TOther>(string resourceName, ServiceHost<TOther> dependency) where TOther : class =>
        WithDependency(resourceName, () => dependency.Server.CreateHandler());

    /// <summary>
    /// Stages an outage of <paramref name="resourceName"/>: its address is a loopback port that
    /// refuses connections, held by this host until it is disposed.
    /// </summary>
    public ServiceHost<TEntryPoint> WithDependencyDown(string resourceName)
    {
        var closed = new ClosedPort();
        _closedPorts.Add(closed);
        WithSetting($"services:{resourceName}:http:0", closed.Address);
        return this;
    }

    /// <summary>A generated client calling this service as a partner would, with an API key when given.</summary>
    public TClient Client<TClient>(string? apiKey = null) where TClient : ClientBase =>
        (TClient)Activator.CreateInstance(typeof(TClient), Invoker(apiKey))!;

    /// <summary>
    /// A generated client whose calls arrive from <paramref name="peerAddress"/> (as if over TCP from
    /// there), with <c>x-forwarded-for: <paramref name="forwardedFor"/></c> when given, and an API key when given.
    /// </summary>
    public TClient ClientFrom<TClient>(string peerAddress, string? forwardedFor = null, string? apiKey = null) where TClient : ClientBase
    {
        List<KeyValuePair<string, string>> headers = [new(PeerAddress.Header, peerAddress)];
        if (forwardedFor is not null)
        {
            headers.Add(new("x-forwarded-for", forwardedFor));
        }

        return (TClient)Activator.CreateInstance(typeof(TClient), new HeadersInvoker(Invoker(apiKey), headers))!;
    }

    private CallInvoker Invoker(string? apiKey)
    {
        var channel = GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = new PartnerCallHandler(Server.CreateHandler()),
            MaxReceiveMessageSize = 16 * 1024 * 1024,
        });
        _channels.Add(channel);
        CallInvoker invoker = channel.CreateCallInvoker();
        if (apiKey is not null)
        {
            invoker = new HeadersInvoker(invoker, [new("authorization", $"Bearer {apiKey}")]);
        }

        return invoker;
    }

    /// <summary>
    /// Starts the service on real ports (Kestrel) instead of the test server, on the endpoints its
    /// <c>Kestrel:Endpoints</c> settings name (port 0: the system chooses), and returns the addresses bound.
    /// </summary>
    public IReadOnlyList<Uri> StartOnPorts()
    {
        UseKestrel();
        StartServer();
        return [.. Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a))];
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IStartupFilter, PeerAddress>();
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }

        base.Dispose(disposing);
        foreach (var port in _closedPorts)
        {
            port.Dispose();
        }
    }
}
