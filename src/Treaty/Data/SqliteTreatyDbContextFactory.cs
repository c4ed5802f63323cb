using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Treaty.Data;

/// <summary>Makes the SQLite context for <c>dotnet ef</c> (adding a migration, checking for model changes).</summary>
internal sealed class SqliteTreatyDbContextFactory() : DesignTimeContextFactory<SqliteTreatyDbContext>(DatabaseProvider.Sqlite);
