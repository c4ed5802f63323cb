using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>One host shared by the tests of a class; each test works in its own areas and states.</summary>
public class TechCoopFixture : IDisposable
{
    public TechCoopFixture()
        : this(DatabaseProvider.Sqlite)
    {
    }

    protected TechCoopFixture(DatabaseProvider provider) => Host = new TechCoopHost(provider: provider);

    public TechCoopHost Host { get; }

    public void Dispose()
    {
        Host.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The same, with TechnicalCooperation on PostgreSQL.</summary>
public sealed class PostgresTechCoopFixture() : TechCoopFixture(DatabaseProvider.Postgres);
