using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Data.EntityConfigurations;

/// <summary>An edition: its participants by state deleted with it.</summary>
public sealed class CourseEditionEntityTypeConfiguration : IEntityTypeConfiguration<CourseEdition>
{
    public void Configure(EntityTypeBuilder<CourseEdition> builder)
    {
        builder.Ignore(x => x.Name);
        builder.Ignore(x => x.TotalParticipants);
        builder.Property(x => x.Place).HasMaxLength(200);
        builder.Property(x => x.RequestId).HasMaxLength(100);
        builder.HasIndex(x => x.RequestId);
        builder.HasMany(x => x.Participants).WithOne().HasForeignKey(p => p.EditionId).OnDelete(DeleteBehavior.Cascade);
    }
}
