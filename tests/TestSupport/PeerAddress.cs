using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace TocMesh.TestSupport;

/// <summary>
/// The in-process test server has no TCP peer: a call made with <see cref="ServiceHost{TEntryPoint}.ClientFrom{TClient}"/>
/// arrives from the address it names (the <c>x-test-peer-address</c> header, set as the connection's
/// remote address before the service's own pipeline, its forwarded-headers step included, runs).
/// </summary>
internal sealed class PeerAddress : IStartupFilter
{
    public const string Header = "x-test-peer-address";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, following) =>
        {
            if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
            {
                context.Connection.RemoteIpAddress = address;
                context.Request.Headers.Remove(Header);
            }

            return following(context);
        });
        next(app);
    };
}
