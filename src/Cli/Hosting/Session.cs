using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Net.Client;
using TocMesh.Cli.Output;

namespace TocMesh.Cli.Hosting;

/// <summary>One command's run: its parsed options, the channels it opened, where it writes.</summary>
public sealed class Session(CliContext context, GlobalOptions options, ParseResult parse) : IDisposable
{
    private readonly List<GrpcChannel> _channels = [];
    private X509Certificate2Collection? _authorities;

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

    /// <summary>
    /// A call invoker for <paramref name="service"/>, sending the API key when there is one. A key is
    /// never sent in plain text beyond this machine: to an http:// address whose host is not loopback
    /// the call is refused before any connection, unless <c>--insecure</c> says the network is trusted.
    /// </summary>
    public CallInvoker Invoker(TocMeshService service)
    {
        var address = AddressOf(service);
        if (ApiKey is not null && address.Scheme == Uri.UriSchemeHttp && !IsLoopback(address) && !Parse.GetValue(options.Insecure))
        {
            throw new CliException(
                $"refusing to send the API key in plain text to {address} ({service.Name}): use an https:// address "
                + "(with --ca-file for a private certificate authority), or --insecure if the network to it is trusted. Nothing was sent.");
        }

        Calling = (service, address);
        var channel = context.Channels.Create(address, Authorities());
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

    /// <summary>localhost, *.localhost (RFC 6761) and loopback addresses; a name is not resolved.</summary>
    public static bool IsLoopback(Uri address) =>
        address.IsLoopback || address.IdnHost.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);

    /// <summary>The certificate authorities of <c>--ca-file</c> (else $TOCMESH_CA_FILE), read once; none: the system's.</summary>
    private X509Certificate2Collection? Authorities()
    {
        if (_authorities is not null)
        {
            return _authorities;
        }

        var path = Parse.GetValue(options.CaFile)?.FullName
            ?? (context.Environment("TOCMESH_CA_FILE") is { Length: > 0 } fromEnvironment ? fromEnvironment : null);
        if (path is null)
        {
            return null;
        }

        var authorities = new X509Certificate2Collection();
        try
        {
            authorities.ImportFromPemFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new CliException($"--ca-file {path}: {e.Message}");
        }

        if (authorities.Count == 0)
        {
            throw new CliException($"--ca-file {path}: no PEM certificate in the file.");
        }

        return _authorities = authorities;
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
