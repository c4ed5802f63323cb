using System.CommandLine;

namespace TocMesh.Cli.Hosting;

/// <summary>Options every command takes: where the services are, the API key, and JSON output.</summary>
public sealed class GlobalOptions
{
    public GlobalOptions()
    {
        foreach (var service in TocMeshService.All)
        {
            Addresses[service] = new Option<Uri?>(service.OptionName)
            {
                Description = $"Address of the {service.Name} service (else ${service.EnvironmentVariable}, else {service.DefaultAddress}).",
                Recursive = true,
                HelpName = "url",
                CustomParser = result =>
                {
                    var text = result.Tokens.Single().Value;
                    if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                    {
                        return uri;
                    }

                    result.AddError($"{service.OptionName} must be an http:// or https:// address, not '{text}'.");
                    return null;
                },
            };
        }
    }

    public Dictionary<TocMeshService, Option<Uri?>> Addresses { get; } = [];

    public Option<string?> Key { get; } = new("--key")
    {
        Description = "API key sent as 'authorization: Bearer <key>' (else $TOCMESH_API_KEY). Public reads need none.",
        Recursive = true,
    };

    public Option<FileInfo?> CaFile { get; } = new("--ca-file")
    {
        Description = "PEM file of the certificate authority to trust for https:// addresses, instead of the system's (else $TOCMESH_CA_FILE).",
        Recursive = true,
        HelpName = "pem",
    };

    public Option<bool> Insecure { get; } = new("--insecure")
    {
        Description = "Send the API key over plain http:// to a host that is not loopback (refused otherwise).",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Machine-readable output for scripts: JSON, no colour, no tables.",
        Recursive = true,
    };

    public IEnumerable<Option> All => [.. Addresses.Values, Key, CaFile, Insecure, Json];
}
