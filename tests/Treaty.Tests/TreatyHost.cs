extern alias directory;

using TocMesh.Treaty.Grpc;
using TocMesh.Treaty.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using DirectoryGrpcService = directory::TocMesh.Directory.Grpc.DirectoryGrpcService;

namespace TocMesh.Treaty.Tests;

/// <summary>The Directory service, in-process, as the dependency of the service under test.</summary>
public sealed class DirectoryDependency(string? dataFolder = null) : ServiceHost<DirectoryGrpcService>(MeshResources.Directory, dataFolder);

/// <summary>The Treaty service on a test server with a fresh database, calling a real in-process Directory.</summary>
public sealed class TreatyHost : ServiceHost<TreatyGrpcService>
{
    public TreatyHost(DirectoryDependency? directory = null, string? dataFolder = null, DatabaseProvider provider = DatabaseProvider.Sqlite)
        : base(MeshResources.Treaty, dataFolder, provider)
    {
        Directory = directory ?? new DirectoryDependency();
        WithDependency(MeshResources.Directory, Directory);
    }

    public DirectoryDependency Directory { get; }

    public TreatyService.TreatyServiceClient Treaty(string? apiKey = null) => Client<TreatyService.TreatyServiceClient>(apiKey);

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Directory.Dispose();
        }
    }
}

/// <summary>One Treaty service (with its Directory) shared by the tests of a class.</summary>
public class TreatyFixture : IDisposable
{
    public TreatyFixture()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected TreatyFixture(DatabaseProvider provider) => Host = new TreatyHost(provider: provider);

    public TreatyHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, with Treaty on PostgreSQL.</summary>
public sealed class PostgresTreatyFixture() : TreatyFixture(DatabaseProvider.Postgres);

internal static class D
{
    public static Google.Type.Date Ate(int year, int month, int day) => new() { Year = year, Month = month, Day = day };

    public static Google.Type.Date Meeting => Ate(2009, 10, 7);

    public static string Text(this Google.Type.Date? d) => d is null ? "" : $"{d.Year:D4}-{d.Month:D2}-{d.Day:D2}";
}
