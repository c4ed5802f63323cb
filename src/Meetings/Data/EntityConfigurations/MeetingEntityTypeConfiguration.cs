using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Data.EntityConfigurations;

/// <summary>
/// How a <see cref="Meeting"/> is stored.
/// A meeting owns all its records: deleting it deletes them.
/// </summary>
public sealed class MeetingEntityTypeConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).HasMaxLength(40);
        builder.HasMany(m => m.Sessions).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.AgendaItems).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Participants).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Elections).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Interventions).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Components).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Proposals).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.FollowUps).WithOne().HasForeignKey(s => s.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
