using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Data;

/// <summary>Makes the PostgreSQL context for <c>dotnet ef</c> (adding a migration, checking for pending model changes).</summary>
internal sealed class PostgresMeetingsDbContextFactory() : DesignTimeContextFactory<PostgresMeetingsDbContext>(DatabaseProvider.Postgres);
