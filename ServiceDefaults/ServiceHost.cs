using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TocMesh.ServiceDefaults;

/// <summary>How every service's Program.cs makes its host.</summary>
public static class ServiceHost
{
    /// <summary>
    /// The slim web host builder, with Kestrel's TLS settings so an <c>https://</c> endpoint keeps
    /// working (<see cref="TlsEndpoints"/>). The full builder also loaded IIS integration and HTTP/3
    /// (QUIC) and scanned for hosting-startup assemblies, none of which a service uses on Linux:
    /// 2-3 MB of resident memory per service (docs/performance.md).
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.WebHost.UseKestrelHttpsConfiguration();
        return builder;
    }
}
