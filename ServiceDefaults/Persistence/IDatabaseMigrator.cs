namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>Brings a service's database to the current schema and loads its initial data.</summary>
public interface IDatabaseMigrator
{
    Task MigrateAndSeedAsync(CancellationToken cancellationToken);
}
