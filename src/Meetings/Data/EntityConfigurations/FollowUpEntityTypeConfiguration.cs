using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Data.EntityConfigurations;

/// <summary>
/// How a <see cref="FollowUp"/> is stored.
/// The etag is the concurrency token: an update based on an older one fails.
/// </summary>
public sealed class FollowUpEntityTypeConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.HasKey(x => new { x.MeetingId, x.Id });
        builder.Property(x => x.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(x => x.Etag).HasMaxLength(40).IsConcurrencyToken();
    }
}
