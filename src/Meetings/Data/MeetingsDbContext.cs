using Microsoft.EntityFrameworkCore;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Data;

/// <summary>
/// The service's model, the same on every provider. Each provider has a derived context that owns
/// that provider's migrations (<see cref="SqliteMeetingsDbContext"/>, <see cref="PostgresMeetingsDbContext"/>).
/// </summary>
public abstract class MeetingsDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Meeting> Meetings => Set<Meeting>();

    public DbSet<FollowUp> FollowUps => Set<FollowUp>();

    public DbSet<Document> Documents => Set<Document>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Meeting>(e =>
        {
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).HasMaxLength(40);
            e.HasMany(m => m.Sessions).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Participants).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Elections).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Interventions).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Components).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.Proposals).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(m => m.FollowUps).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<Session>(e =>
        {
            e.HasKey(s => new { s.MeetingId, s.Ordinal });
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<AgendaItem>().HasKey(a => new { a.MeetingId, a.Ordinal });
        modelBuilder.Entity<Participant>(e =>
        {
            e.HasKey(p => new { p.MeetingId, p.Id });
            e.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Election>(e =>
        {
            e.HasKey(x => new { x.MeetingId, x.Sequence });
            e.Property(x => x.Office).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<Intervention>(e =>
        {
            e.HasKey(x => new { x.MeetingId, x.Sequence });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.ComponentStance).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<WorkProgramComponent>(e =>
        {
            e.HasKey(x => new { x.MeetingId, x.Number });
            e.Property(x => x.Number).HasMaxLength(20);
        });
        modelBuilder.Entity<Proposal>(e =>
        {
            e.HasKey(x => new { x.MeetingId, x.Id });
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        });
        modelBuilder.Entity<FollowUp>(e =>
        {
            e.HasKey(x => new { x.MeetingId, x.Id });
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Etag).HasMaxLength(40).IsConcurrencyToken();
        });
        modelBuilder.Entity<Document>(e =>
        {
            e.HasKey(d => d.Symbol);
            e.Property(d => d.Symbol).HasMaxLength(DocumentSymbol.MaxLength);
            e.Property(d => d.BaseSymbol).HasMaxLength(DocumentSymbol.MaxLength);
            e.Property(d => d.Content).HasConversion<string>().HasMaxLength(24);
            e.Property(d => d.Etag).HasMaxLength(40).IsConcurrencyToken();
            e.HasIndex(d => d.BaseSymbol);
            e.HasIndex(d => d.MeetingId);
            e.HasIndex(d => d.RequestId).IsUnique();
        });
    }
}

/// <summary>The model on SQLite; its migrations are in Data/Migrations/Sqlite.</summary>
public sealed class SqliteMeetingsDbContext(DbContextOptions<SqliteMeetingsDbContext> options) : MeetingsDbContext(options);

/// <summary>The model on PostgreSQL; its migrations are in Data/Migrations/Postgres.</summary>
public sealed class PostgresMeetingsDbContext(DbContextOptions<PostgresMeetingsDbContext> options) : MeetingsDbContext(options);

internal sealed class SqliteMeetingsDbContextFactory() : DesignTimeContextFactory<SqliteMeetingsDbContext>(DatabaseProvider.Sqlite);

internal sealed class PostgresMeetingsDbContextFactory() : DesignTimeContextFactory<PostgresMeetingsDbContext>(DatabaseProvider.Postgres);
