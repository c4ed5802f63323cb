namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>Runs once the schema is current, to load a service's initial data; must be idempotent.</summary>
public interface IDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
