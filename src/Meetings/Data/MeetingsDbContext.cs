using Microsoft.EntityFrameworkCore;
using TocMesh.Meetings.Data.EntityConfigurations;
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
        // The request ids of the creates (AIP-155), per caller and method.
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new MeetingEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new SessionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new AgendaItemEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ParticipantEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ElectionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new InterventionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new WorkProgramComponentEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new ProposalEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FollowUpEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new DocumentEntityTypeConfiguration());
    }
}
