using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Data;

/// <summary>Makes the SQLite context for <c>dotnet ef</c> (adding a migration, checking for pending model changes).</summary>
internal sealed class SqliteMeetingsDbContextFactory() : DesignTimeContextFactory<SqliteMeetingsDbContext>(DatabaseProvider.Sqlite);
