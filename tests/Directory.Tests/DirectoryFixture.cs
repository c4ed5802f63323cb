using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Tests;

/// <summary>One Directory shared by the read-only tests of a class.</summary>
public class DirectoryFixture : IDisposable
{
    public DirectoryFixture()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected DirectoryFixture(DatabaseProvider provider) => Host = new DirectoryHost(provider: provider);

    public DirectoryHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, on PostgreSQL.</summary>
public sealed class PostgresDirectoryFixture() : DirectoryFixture(DatabaseProvider.Postgres);
