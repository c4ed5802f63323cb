using Microsoft.EntityFrameworkCore;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.Treaty.Data.EntityConfigurations;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Data;

/// <summary>
/// The service's model, the same on every provider. Each provider has a derived context that owns
/// that provider's migrations (<see cref="SqliteTreatyDbContext"/>, <see cref="PostgresTreatyDbContext"/>).
/// Each entity's mapping is in its configuration class under EntityConfigurations.
/// </summary>
public abstract class TreatyDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Instrument> Instruments => Set<Instrument>();

    public DbSet<TreatyAction> TreatyActions => Set<TreatyAction>();

    public DbSet<TreatyActionRevision> TreatyActionRevisions => Set<TreatyActionRevision>();

    public DbSet<StateLedger> StateLedgers => Set<StateLedger>();

    public DbSet<Legislation> Legislation => Set<Legislation>();

    public DbSet<StatusStatement> StatusStatements => Set<StatusStatement>();

    public DbSet<DataQualityFinding> DataQualityFindings => Set<DataQualityFinding>();

    public DbSet<StatusEvidence> StatusEvidence => Set<StatusEvidence>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // The request ids of the creates (AIP-155), per caller and method.
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new InstrumentEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new TreatyActionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new TreatyActionRevisionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new StateLedgerEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new LegislationEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new StatusStatementEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new DataQualityFindingEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new StatusEvidenceEntityTypeConfiguration());
    }
}
