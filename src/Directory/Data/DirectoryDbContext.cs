using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TocMesh.Directory.Data.EntityConfigurations;
using TocMesh.Directory.Domain;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Data;

/// <summary>
/// The service's model, the same on every provider. Each provider has a derived context that owns
/// that provider's migrations (<see cref="SqliteDirectoryDbContext"/>, <see cref="PostgresDirectoryDbContext"/>).
/// </summary>
public abstract class DirectoryDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<MemberState> MemberStates => Set<MemberState>();

    public DbSet<MembershipPeriodRecord> MembershipPeriods => Set<MembershipPeriodRecord>();

    public DbSet<Contact> Contacts => Set<Contact>();

    /// <summary>The history of every contact, and the directory's change log (ordered by Sequence).</summary>
    public DbSet<ContactRevision> ContactRevisions => Set<ContactRevision>();

    public DbSet<ChangeRequest> ChangeRequests => Set<ChangeRequest>();

    /// <summary>One row: the last <see cref="ContactRevision.Sequence"/> handed out.</summary>
    public DbSet<ChangeLogHead> ChangeLogHead => Set<ChangeLogHead>();

    /// <summary>
    /// Saves, numbering new revisions from the log head in the same transaction. Updating the head
    /// row locks it until commit, so writers take numbers one after the other and commit in that
    /// order: a watcher that has read sequence N has seen every change numbered below N, on
    /// PostgreSQL as on SQLite. (An identity column would not do: a transaction holding a lower
    /// number could commit after a higher one had been read.)
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var added = ChangeTracker.Entries<ContactRevision>().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        if (added.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var last = await AdvanceLogHeadAsync(added.Count, cancellationToken);
            var next = last - added.Count + 1;
            foreach (var revision in added)
            {
                revision.Sequence = next++;
            }

            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return saved;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries<ContactRevision>().Any(e => e.State == EntityState.Added)
            ? throw new InvalidOperationException("Revisions are numbered by SaveChangesAsync only.")
            : base.SaveChanges(acceptAllChangesOnSuccess);

    private async Task<long> AdvanceLogHeadAsync(int count, CancellationToken cancellationToken)
    {
        // Plain SQL both engines speak: the row lock is held until the surrounding transaction ends.
        var connection = Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = Database.CurrentTransaction!.GetDbTransaction();
        command.CommandText = $"UPDATE \"ChangeLogHead\" SET \"LastSequence\" = \"LastSequence\" + {count} WHERE \"Id\" = 1 RETURNING \"LastSequence\"";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Timestamps are UTC in and out, whatever the provider keeps.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // The request ids of the creates (AIP-155), per caller and method.
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        // The details are columns of a contact and a JSON snapshot in a revision, never a table of their own.
        modelBuilder.Ignore<ContactDetails>();
        modelBuilder.ApplyConfiguration(new MemberStateEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new MembershipPeriodRecordEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ContactEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ContactRevisionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ChangeLogHeadEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ChangeRequestEntityTypeConfiguration());
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
