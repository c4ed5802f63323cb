using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Data.EntityConfigurations;

/// <summary>How a <see cref="Proposal"/> is stored.</summary>
public sealed class ProposalEntityTypeConfiguration : IEntityTypeConfiguration<Proposal>
{
    public void Configure(EntityTypeBuilder<Proposal> builder)
    {
        builder.HasKey(x => new { x.MeetingId, x.Id });
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
    }
}
