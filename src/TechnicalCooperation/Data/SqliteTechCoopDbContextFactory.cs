using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.TechnicalCooperation.Data;

/// <summary>The SQLite context for <c>dotnet ef</c> (migrations are made at design time, without the host).</summary>
internal sealed class SqliteTechCoopDbContextFactory() : DesignTimeContextFactory<SqliteTechCoopDbContext>(DatabaseProvider.Sqlite);
