using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Data;

/// <summary>Makes the PostgreSQL context for <c>dotnet ef</c> (migrations), without a running service.</summary>
internal sealed class PostgresDirectoryDbContextFactory() : DesignTimeContextFactory<PostgresDirectoryDbContext>(DatabaseProvider.Postgres);
