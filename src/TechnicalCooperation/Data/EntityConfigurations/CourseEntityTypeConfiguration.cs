using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Data.EntityConfigurations;

/// <summary>A course: its enums stored as text, its version the concurrency token, its editions deleted with it.</summary>
public sealed class CourseEntityTypeConfiguration : IEntityTypeConfiguration<Course>
{
    public void Configure(EntityTypeBuilder<Course> builder)
    {
        builder.Ignore(c => c.Name);
        builder.Ignore(c => c.Etag);
        builder.Property(c => c.Title).HasMaxLength(300);
        builder.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Delivery).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.Property(c => c.Provider).HasMaxLength(200);
        builder.Property(c => c.PointOfContact).HasMaxLength(100);
        builder.Property(c => c.SourceDocument).HasMaxLength(100);
        builder.Property(c => c.RequestId).HasMaxLength(100);
        builder.HasIndex(c => c.RequestId);
        builder.Property(c => c.Version).IsConcurrencyToken();
        builder.HasMany(c => c.Editions).WithOne().HasForeignKey(x => x.CourseId).OnDelete(DeleteBehavior.Cascade);
    }
}
