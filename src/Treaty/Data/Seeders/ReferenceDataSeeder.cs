using TocMesh.ServiceDefaults.Persistence;
using TocMesh.Treaty.Application.ReferenceData;

namespace TocMesh.Treaty.Data.Seeders;

/// <summary>
/// On start, imports the reference data shipped with the service; the same import the Secretariat
/// runs on request (ImportReferenceData), so a restart finds nothing new to change.
/// </summary>
public sealed class ReferenceDataSeeder(ReferenceDataImporter importer) : IDataSeeder
{
    public async Task SeedAsync(CancellationToken cancellationToken) => await importer.ImportAsync(cancellationToken);
}
