using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace TocMesh.ServiceDefaults.Telemetry;

/// <summary>
/// Keeps grpc-dotnet from tagging the activity of a call the sampler left out. grpc-dotnet adds
/// <c>grpc.method</c> and <c>grpc.status_code</c> to the request's activity on every call, recorded or
/// not, and finds that activity through <see cref="IHttpActivityFeature"/>; for a call that is not
/// recorded nothing ever reads them, yet they were 7 % of the bytes a cached contact read allocated
/// (two tag nodes and a tag list per call). For such a call the feature is replaced with one that names
/// no activity. The activity itself is untouched: it is still <see cref="Activity.Current"/>, carries the
/// trace context to every call this one makes and its ids into every log written meanwhile. A recorded
/// call keeps both tags (<see cref="GrpcServerSpans"/> reads the status from them).
/// </summary>
/// <remarks>
/// Nothing else in these services reads the feature (ASP.NET Core's hosting keeps its own reference to
/// the activity); grpc-dotnet treats it as optional. Kestrel resets the feature for the next request.
/// </remarks>
internal sealed class UnrecordedCallTags(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Features.Get<IHttpActivityFeature>() is { Activity.IsAllDataRequested: false })
        {
            context.Features.Set<IHttpActivityFeature>(NoActivity.Instance);
        }

        return next(context);
    }

    private sealed class NoActivity : IHttpActivityFeature
    {
        public static readonly NoActivity Instance = new();

        // Read as optional by grpc-dotnet (`?.`), its only reader here; the interface predates nullability.
        public Activity Activity
        {
            get => null!;
            set { }
        }
    }
}
