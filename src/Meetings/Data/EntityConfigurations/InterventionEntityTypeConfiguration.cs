using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Data.EntityConfigurations;

/// <summary>How a <see cref="Intervention"/> is stored.</summary>
public sealed class InterventionEntityTypeConfiguration : IEntityTypeConfiguration<Intervention>
{
    public void Configure(EntityTypeBuilder<Intervention> builder)
    {
        builder.HasKey(x => new { x.MeetingId, x.Sequence });
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.ComponentStance).HasConversion<string>().HasMaxLength(20);
    }
}
