using Microsoft.EntityFrameworkCore;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Data;

/// <summary>
/// The service's model, the same on every provider. Each provider has a derived context that owns
/// that provider's migrations (<see cref="SqliteTreatyDbContext"/>, <see cref="PostgresTreatyDbContext"/>).
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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Instrument>(e =>
        {
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).HasMaxLength(40);
            e.Property(i => i.ParentId).HasMaxLength(40);
        });

        modelBuilder.Entity<TreatyAction>(e =>
        {
            e.Property(a => a.StateCode).HasMaxLength(3);
            e.Property(a => a.InstrumentId).HasMaxLength(40);
            e.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Origin).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.ImportKey).HasMaxLength(200);
            e.Property(a => a.RequestId).HasMaxLength(100);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.HasIndex(a => a.ImportKey).IsUnique();
            e.HasIndex(a => a.RequestId).IsUnique();
            e.HasIndex(a => new { a.StateCode, a.InstrumentId });
            e.HasOne<Instrument>().WithMany().HasForeignKey(a => a.InstrumentId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.History).WithOne().HasForeignKey(r => r.TreatyActionId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TreatyActionRevision>(e => e.Property(r => r.Change).HasConversion<string>().HasMaxLength(20));

        modelBuilder.Entity<StateLedger>(e =>
        {
            e.HasKey(l => l.StateCode);
            e.Property(l => l.StateCode).HasMaxLength(3);
            e.Property(l => l.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<Legislation>(e =>
        {
            e.Property(l => l.StateCode).HasMaxLength(3);
            e.Property(l => l.Kind).HasConversion<string>().HasMaxLength(30);
            e.Property(l => l.Status).HasConversion<string>().HasMaxLength(30);
            e.Property(l => l.EnactedOn).HasConversion(d => d!.Value.ToString(), s => PartialDate.Parse(s)).HasMaxLength(10);
            e.Property(l => l.InForceOn).HasConversion(d => d!.Value.ToString(), s => PartialDate.Parse(s)).HasMaxLength(10);
            e.Property(l => l.RequestId).HasMaxLength(100);
            e.HasIndex(l => l.RequestId).IsUnique();
            e.HasIndex(l => l.StateCode);
            e.Ignore(l => l.Span);
            e.Ignore(l => l.IsInEffect);
        });

        modelBuilder.Entity<StatusStatement>(e =>
        {
            e.Property(s => s.StateCode).HasMaxLength(3);
            e.Property(s => s.RequestId).HasMaxLength(100);
            e.HasIndex(s => s.RequestId).IsUnique();
            e.HasIndex(s => s.StateCode);
        });

        modelBuilder.Entity<DataQualityFinding>(e =>
        {
            e.HasKey(f => f.Key);
            e.Property(f => f.Key).HasMaxLength(200);
            e.Property(f => f.Severity).HasConversion<string>().HasMaxLength(10);
        });
    }
}

/// <summary>The model on SQLite; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteTreatyDbContext(DbContextOptions<SqliteTreatyDbContext> options) : TreatyDbContext(options);

/// <summary>The model on PostgreSQL; its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresTreatyDbContext(DbContextOptions<PostgresTreatyDbContext> options) : TreatyDbContext(options);

internal sealed class SqliteTreatyDbContextFactory() : DesignTimeContextFactory<SqliteTreatyDbContext>(DatabaseProvider.Sqlite);

internal sealed class PostgresTreatyDbContextFactory() : DesignTimeContextFactory<PostgresTreatyDbContext>(DatabaseProvider.Postgres);
