using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Treaty.Data;

/// <summary>Makes the PostgreSQL context for <c>dotnet ef</c> (adding a migration, checking for model changes).</summary>
internal sealed class PostgresTreatyDbContextFactory() : DesignTimeContextFactory<PostgresTreatyDbContext>(DatabaseProvider.Postgres);
