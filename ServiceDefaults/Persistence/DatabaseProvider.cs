namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>The database engines a service runs on.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
