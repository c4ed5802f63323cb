using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Data.EntityConfigurations;

/// <summary>How a <see cref="WorkProgramComponent"/> is stored.</summary>
public sealed class WorkProgramComponentEntityTypeConfiguration : IEntityTypeConfiguration<WorkProgramComponent>
{
    public void Configure(EntityTypeBuilder<WorkProgramComponent> builder)
    {
        builder.HasKey(x => new { x.MeetingId, x.Number });
        builder.Property(x => x.Number).HasMaxLength(20);
    }
}
