using Microsoft.EntityFrameworkCore;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Data;

public sealed class MeetingsDbContext(DbContextOptions<MeetingsDbContext> options) : DbContext(options)
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
