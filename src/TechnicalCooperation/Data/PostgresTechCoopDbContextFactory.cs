using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.TechnicalCooperation.Data;

/// <summary>The PostgreSQL context for <c>dotnet ef</c> (migrations are made at design time, without the host).</summary>
internal sealed class PostgresTechCoopDbContextFactory() : DesignTimeContextFactory<PostgresTechCoopDbContext>(DatabaseProvider.Postgres);
