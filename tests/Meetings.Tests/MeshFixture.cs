extern alias techcoop;
extern alias treaty;

using System.Collections.ObjectModel;
using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using TocMesh.TestSupport;
using TechCoopGrpcService = techcoop::TocMesh.TechnicalCooperation.Grpc.TechnicalCooperationGrpcService;
using TreatyGrpcService = treaty::TocMesh.Treaty.Grpc.TreatyGrpcService;

namespace TocMesh.Meetings.Tests;

/// <summary>The Treaty service, in-process, calling the given Directory.</summary>
public sealed class TreatyDependency : ServiceHost<TreatyGrpcService>
{
    public TreatyDependency(DirectoryDependency directory) : base(MeshResources.Treaty) => WithDependency("directory", directory);
}

/// <summary>The TechnicalCooperation service, in-process, calling the given Directory and Treaty.</summary>
public sealed class TechCoopDependency : ServiceHost<TechCoopGrpcService>
{
    public TechCoopDependency(DirectoryDependency directory, TreatyDependency treaty) : base(MeshResources.TechnicalCooperation)
    {
        WithDependency("directory", directory);
        WithDependency("treaty", treaty);
    }
}

/// <summary>
/// The Meetings service with real in-process Treaty, Directory and TechnicalCooperation services,
/// each with its own database and seed, as the report meets them in the mesh.
/// </summary>
public sealed class MeshFixture : IDisposable
{
    public MeshFixture()
    {
        var directory = new DirectoryDependency();
        Treaty = new TreatyDependency(directory);
        TechCoop = new TechCoopDependency(directory, Treaty);
        Host = new MeetingsHost(directory);
        // The report's facts are under test here, not its deadlines (ReportOutageTests): a first call
        // to a cold service on a loaded machine may take longer than the 3 s a section waits by default.
        Host.WithSetting("Meetings:Report:DependencyTimeout", "00:01:00")
            .WithDependency("treaty", Treaty).WithDependency("techcoop", TechCoop)
            .WithServices(services => services.AddOpenTelemetry().WithTracing(t => t.AddInMemoryExporter(Spans)));
    }

    /// <summary>Every span the Meetings service's tracing exported.</summary>
    public SpanList Spans { get; } = [];

    public MeetingsHost Host { get; }

    public TreatyDependency Treaty { get; }

    public TechCoopDependency TechCoop { get; }

    public void Dispose()
    {
        Host.Dispose();
        TechCoop.Dispose();
        Treaty.Dispose();
    }
}

/// <summary>Spans collected while the hosts run; written from many threads.</summary>
public sealed class SpanList : Collection<Activity>
{
    private readonly Lock _lock = new();

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_lock)
        {
            return [.. this];
        }
    }

    protected override void InsertItem(int index, Activity item)
    {
        lock (_lock)
        {
            base.InsertItem(index, item);
        }
    }
}
