using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Data.EntityConfigurations;

/// <summary>How a <see cref="Election"/> is stored.</summary>
public sealed class ElectionEntityTypeConfiguration : IEntityTypeConfiguration<Election>
{
    public void Configure(EntityTypeBuilder<Election> builder)
    {
        builder.HasKey(x => new { x.MeetingId, x.Sequence });
        builder.Property(x => x.Office).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
    }
}
