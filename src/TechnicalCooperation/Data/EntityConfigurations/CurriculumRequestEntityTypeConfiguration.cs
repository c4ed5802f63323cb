using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Data.EntityConfigurations;

/// <summary>A curriculum request, pointing at the course it asks about.</summary>
public sealed class CurriculumRequestEntityTypeConfiguration : IEntityTypeConfiguration<CurriculumRequest>
{
    public void Configure(EntityTypeBuilder<CurriculumRequest> builder)
    {
        builder.Ignore(r => r.Name);
        builder.Property(r => r.StateCode).HasMaxLength(3);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.ThematicArea).HasMaxLength(60);
        builder.Property(r => r.Description).HasMaxLength(2000);
        builder.Property(r => r.SourceMeetingId).HasMaxLength(60);
        builder.Property(r => r.Answer).HasMaxLength(2000);
        builder.Property(r => r.RequestId).HasMaxLength(100);
        builder.HasIndex(r => r.RequestId);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasOne<Course>().WithMany().HasForeignKey(r => r.CourseId).OnDelete(DeleteBehavior.Restrict);
    }
}
