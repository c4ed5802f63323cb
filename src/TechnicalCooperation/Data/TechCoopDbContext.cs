using Microsoft.EntityFrameworkCore;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Data.EntityConfigurations;
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
        // The request ids of the creates (AIP-155), per caller and method.
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new CourseEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new CourseEditionEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new EditionParticipantsEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new NeedEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new CurriculumRequestEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new FundingEntityTypeConfiguration());
        modelBuilder.ApplyConfiguration(new SourceDocumentEntityTypeConfiguration());
    }
}
