using Microsoft.EntityFrameworkCore;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Data;

/// <summary>
/// The service's model, the same on every provider. Each provider has a derived context that owns
/// that provider's migrations (<see cref="SqliteTechCoopDbContext"/>, <see cref="PostgresTechCoopDbContext"/>).
/// </summary>
public abstract class TechCoopDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Course> Courses => Set<Course>();

    public DbSet<CourseEdition> Editions => Set<CourseEdition>();

    public DbSet<Need> Needs => Set<Need>();

    public DbSet<CurriculumRequest> CurriculumRequests => Set<CurriculumRequest>();

    public DbSet<Funding> Funding => Set<Funding>();

    public DbSet<SourceDocument> SourceDocuments => Set<SourceDocument>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Course>(e =>
        {
            e.Ignore(c => c.Name);
            e.Ignore(c => c.Etag);
            e.Property(c => c.Title).HasMaxLength(300);
            e.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Delivery).HasConversion<string>().HasMaxLength(32);
            e.Property(c => c.Description).HasMaxLength(4000);
            e.Property(c => c.Provider).HasMaxLength(200);
            e.Property(c => c.PointOfContact).HasMaxLength(100);
            e.Property(c => c.SourceDocument).HasMaxLength(100);
            e.Property(c => c.RequestId).HasMaxLength(100);
            e.HasIndex(c => c.RequestId).IsUnique();
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasMany(c => c.Editions).WithOne().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CourseEdition>(e =>
        {
            e.Ignore(x => x.Name);
            e.Ignore(x => x.TotalParticipants);
            e.Property(x => x.Place).HasMaxLength(200);
            e.Property(x => x.RequestId).HasMaxLength(100);
            e.HasIndex(x => x.RequestId).IsUnique();
            e.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.EditionId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<EditionParticipants>(e =>
        {
            e.HasKey(p => new { p.EditionId, p.StateCode });
            e.Property(p => p.StateCode).HasMaxLength(3);
        });
        modelBuilder.Entity<Need>(e =>
        {
            e.Ignore(n => n.Name);
            e.Ignore(n => n.IsOpen);
            e.Ignore(n => n.ResolvedByEdition);
            e.Ignore(n => n.Weight);
            e.Property(n => n.StateCode).HasMaxLength(3);
            e.Property(n => n.Area).HasMaxLength(60);
            e.Property(n => n.Description).HasMaxLength(2000);
            e.Property(n => n.Priority).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.SourceDocument).HasMaxLength(100);
            e.Property(n => n.SourceMeetingId).HasMaxLength(60);
            e.Property(n => n.RaisedBy).HasMaxLength(300);
            e.Property(n => n.ResolutionNote).HasMaxLength(2000);
            e.Property(n => n.RequestId).HasMaxLength(100);
            e.HasIndex(n => n.RequestId).IsUnique();
            e.HasIndex(n => new { n.StateCode, n.Area });
            e.Property(n => n.Version).IsConcurrencyToken();
            e.HasOne<CourseEdition>().WithMany().HasForeignKey(n => n.ResolvedByEditionId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<CurriculumRequest>(e =>
        {
            e.Ignore(r => r.Name);
            e.Property(r => r.StateCode).HasMaxLength(3);
            e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.ThematicArea).HasMaxLength(60);
            e.Property(r => r.Description).HasMaxLength(2000);
            e.Property(r => r.SourceMeetingId).HasMaxLength(60);
            e.Property(r => r.Answer).HasMaxLength(2000);
            e.Property(r => r.RequestId).HasMaxLength(100);
            e.HasIndex(r => r.RequestId).IsUnique();
            e.Property(r => r.Version).IsConcurrencyToken();
            e.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Restrict);
        });
        modelBuilder.Entity<Funding>(e =>
        {
            e.Ignore(f => f.Name);
            e.Ignore(f => f.Amount);
            e.Ignore(f => f.IsFunds);
            e.Property(f => f.Source).HasConversion<string>().HasMaxLength(32);
            e.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(f => f.Donor).HasMaxLength(200);
            e.Property(f => f.DonorNote).HasMaxLength(500);
            e.Property(f => f.WorkArea).HasMaxLength(60);
            e.Property(f => f.Recipient).HasMaxLength(200);
            e.Property(f => f.CurrencyCode).HasMaxLength(3);
            e.Property(f => f.SourceMeetingId).HasMaxLength(60);
            e.Property(f => f.SourceDocument).HasMaxLength(100);
            e.Property(f => f.Note).HasMaxLength(2000);
            e.Property(f => f.RequestId).HasMaxLength(100);
            e.HasIndex(f => f.RequestId).IsUnique();
            // An amount is both a currency and a count of its minor units, or neither ("not stated").
            e.ToTable(t => t.HasCheckConstraint("CK_Funding_Amount", "(\"CurrencyCode\" IS NULL) = (\"MinorUnits\" IS NULL)"));
        });
        modelBuilder.Entity<SourceDocument>(e =>
        {
            e.HasKey(d => d.Symbol);
            e.Property(d => d.Symbol).HasMaxLength(100);
            e.Property(d => d.Title).HasMaxLength(500);
            e.Property(d => d.MeetingId).HasMaxLength(60);
            e.Property(d => d.PresentedBy).HasMaxLength(300);
        });
    }
}

/// <summary>The model on SQLite; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteTechCoopDbContext(DbContextOptions<SqliteTechCoopDbContext> options) : TechCoopDbContext(options);

/// <summary>The model on PostgreSQL; its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresTechCoopDbContext(DbContextOptions<PostgresTechCoopDbContext> options) : TechCoopDbContext(options);

internal sealed class SqliteTechCoopDbContextFactory() : DesignTimeContextFactory<SqliteTechCoopDbContext>(DatabaseProvider.Sqlite);

internal sealed class PostgresTechCoopDbContextFactory() : DesignTimeContextFactory<PostgresTechCoopDbContext>(DatabaseProvider.Postgres);
