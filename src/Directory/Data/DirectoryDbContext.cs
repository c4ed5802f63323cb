using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TocMesh.Directory.Domain;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Data;

/// <summary>
/// The service's model, the same on every provider. Each provider has a derived context that owns
/// that provider's migrations (<see cref="SqliteDirectoryDbContext"/>, <see cref="PostgresDirectoryDbContext"/>).
/// </summary>
public abstract class DirectoryDbContext(DbContextOptions options) : DbContext(options)
{
    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

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
        // The details are columns of a contact and a JSON snapshot in a revision, never a table of their own.
        modelBuilder.Ignore<ContactDetails>();
        modelBuilder.Entity<MemberState>(e =>
        {
            e.HasKey(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(3);
            e.Property(s => s.Iso2).HasMaxLength(2);
            e.Property(s => s.NameEn).HasMaxLength(200);
            e.Property(s => s.NameEs).HasMaxLength(200);
            e.HasMany(s => s.Periods).WithOne().HasForeignKey(p => p.StateCode).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MembershipPeriodRecord>(e =>
        {
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(p => p.Basis).HasMaxLength(1000);
            e.HasIndex(p => new { p.StateCode, p.From, p.Status }).IsUnique();
        });

        modelBuilder.Entity<Contact>(e =>
        {
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(32);
            e.Property(c => c.Revision).IsConcurrencyToken();
            e.Property(c => c.RequestId).HasMaxLength(64);
            e.HasIndex(c => c.RequestId).IsUnique();
            e.Property(c => c.StateCode).HasMaxLength(3);
            e.Property(c => c.Role).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.InstrumentId).HasMaxLength(32);
            e.Property(c => c.Institution).HasMaxLength(300);
            e.Property(c => c.Office).HasMaxLength(300);
            e.Property(c => c.Person).HasMaxLength(200);
            e.Property(c => c.Title).HasMaxLength(200);
            e.Property(c => c.PostalAddress).HasMaxLength(1000);
            e.Property(c => c.OfficeHours).HasMaxLength(200);
            e.Property(c => c.TimeZone).HasMaxLength(64);
            e.Property(c => c.SourceDocument).HasMaxLength(100);
            e.PrimitiveCollection(c => c.Channels).ElementType().HasConversion<string>();
            e.Ignore(c => c.Name);
            e.Ignore(c => c.Etag);
            e.HasIndex(c => new { c.StateCode, c.Role });
        });

        modelBuilder.Entity<ContactRevision>(e =>
        {
            e.HasKey(r => r.Sequence);
            // Numbered from the log head when saved (see SaveChangesAsync), never by the database.
            e.Property(r => r.Sequence).ValueGeneratedNever();
            e.Property(r => r.ContactId).HasMaxLength(32);
            e.Property(r => r.StateCode).HasMaxLength(3);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Role).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.ChangedBy).HasMaxLength(200);
            e.Property(r => r.Reason).HasMaxLength(1000);
            e.Property(r => r.Snapshot).HasConversion(
                new ValueConverter<ContactDetails, string>(
                    d => JsonSerializer.Serialize(d, SnapshotJson),
                    s => JsonSerializer.Deserialize<ContactDetails>(s, SnapshotJson) ?? new ContactDetails()),
                // A snapshot is written once and never changed in place.
                new ValueComparer<ContactDetails>((a, b) => ReferenceEquals(a, b), d => d.GetHashCode(), d => d));
            e.HasIndex(r => new { r.ContactId, r.Revision }).IsUnique();
            e.HasIndex(r => r.RecordedAt);
            e.HasIndex(r => new { r.StateCode, r.Sequence });
        });

        modelBuilder.Entity<ChangeLogHead>(e =>
        {
            e.ToTable("ChangeLogHead");
            e.HasKey(h => h.Id);
            e.Property(h => h.Id).ValueGeneratedNever();
            e.HasData(new ChangeLogHead { Id = 1, LastSequence = 0 });
        });

        modelBuilder.Entity<ChangeRequest>(e =>
        {
            e.HasKey(r => r.Id);
            e.Property(r => r.StateCode).HasMaxLength(3);
            e.Property(r => r.Role).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.Description).HasMaxLength(2000);
            e.Property(r => r.SourceMeetingId).HasMaxLength(64);
            e.Property(r => r.SourceDocument).HasMaxLength(100);
            e.Property(r => r.ResolvedByContactId).HasMaxLength(32);
            e.Property(r => r.OpenedBy).HasMaxLength(200);
            e.Property(r => r.RequestId).HasMaxLength(64);
            e.HasIndex(r => r.RequestId).IsUnique();
            e.HasIndex(r => new { r.StateCode, r.Role, r.Status });
            e.Ignore(r => r.Name);
        });
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
