using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Data;

/// <summary>Makes the SQLite context for <c>dotnet ef</c> (migrations), without a running service.</summary>
internal sealed class SqliteDirectoryDbContextFactory() : DesignTimeContextFactory<SqliteDirectoryDbContext>(DatabaseProvider.Sqlite);
