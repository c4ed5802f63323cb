using System.CommandLine;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using TocMesh.Cli.Output;

namespace TocMesh.Cli.Hosting;

/// <summary>One command's run: its parsed options, the channels it opened, where it writes.</summary>
public sealed class Session(CliContext context, GlobalOptions options, ParseResult parse) : IDisposable
{
    private readonly List<GrpcChannel> _channels = [];

    public ParseResult Parse { get; } = parse;

    public Terminal Terminal => context.Terminal;

    public Func<string, string?> Environment => context.Environment;

    public bool Json => Parse.GetValue(options.Json);

    /// <summary>The service the last call went to, to say where an error came from.</summary>
    public (TocMeshService Service, Uri Address)? Calling { get; private set; }

    public Uri AddressOf(TocMeshService service)
    {
        if (Parse.GetValue(options.Addresses[service]) is { } fromOption)
        {
            return fromOption;
        }

        if (context.Environment(service.EnvironmentVariable) is { Length: > 0 } fromEnvironment)
        {
            if (Uri.TryCreate(fromEnvironment, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
            {
                return uri;
            }

            throw new CliException($"${service.EnvironmentVariable} must be an http:// or https:// address, not '{fromEnvironment}'.");
        }

        return service.DefaultAddress;
    }

    public string? ApiKey =>
        Parse.GetValue(options.Key) is { Length: > 0 } key ? key
        : context.Environment("TOCMESH_API_KEY") is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary>A call invoker for <paramref name="service"/>, sending the API key when there is one.</summary>
    public CallInvoker Invoker(TocMeshService service)
    {
        var address = AddressOf(service);
        Calling = (service, address);
        var channel = context.Channels.Create(address);
        _channels.Add(channel);
        var invoker = channel.CreateCallInvoker();
        return ApiKey is { } key
            ? invoker.Intercept(metadata =>
            {
                metadata.Add("authorization", $"Bearer {key}");
                return metadata;
            })
            : invoker;
    }

    public global::TocMesh.Treaty.V1.TreatyService.TreatyServiceClient Treaty() => new(Invoker(TocMeshService.Treaty));

    public global::TocMesh.Directory.V1.DirectoryService.DirectoryServiceClient Directory() => new(Invoker(TocMeshService.Directory));

    public global::TocMesh.TechnicalCooperation.V1.TechnicalCooperationService.TechnicalCooperationServiceClient TechCoop() => new(Invoker(TocMeshService.TechCoop));

    public global::TocMesh.Meetings.V1.MeetingsService.MeetingsServiceClient Meetings() => new(Invoker(TocMeshService.Meetings));

    /// <summary>Options for one unary call: a deadline, and cancellation on Ctrl+C.</summary>
    public CallOptions Call(CancellationToken cancellationToken) =>
        new(deadline: DateTime.UtcNow.Add(context.CallTimeout), cancellationToken: cancellationToken);

    public void Dispose()
    {
        foreach (var channel in _channels)
        {
            channel.Dispose();
        }
    }
}

/// <summary>A mistake the user can fix (a bad value, a file that cannot be used): printed, exit code 2.</summary>
public sealed class CliException(string message) : Exception(message);
