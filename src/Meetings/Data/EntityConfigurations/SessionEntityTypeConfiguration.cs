using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Data.EntityConfigurations;

/// <summary>How a <see cref="Session"/> is stored.</summary>
public sealed class SessionEntityTypeConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> builder)
    {
        builder.HasKey(s => new { s.MeetingId, s.Ordinal });
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
    }
}
