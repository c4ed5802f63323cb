using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Directory.Domain;

namespace TocMesh.Directory.Data.EntityConfigurations;

internal sealed class ChangeRequestEntityTypeConfiguration : IEntityTypeConfiguration<ChangeRequest>
{
    public void Configure(EntityTypeBuilder<ChangeRequest> e)
    {
        e.HasKey(r => r.Id);
        e.Property(r => r.StateCode).HasMaxLength(3);
        e.Property(r => r.Role).HasConversion<string>().HasMaxLength(32);
        e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Description).HasMaxLength(2000);
        e.Property(r => r.SourceMeetingId).HasMaxLength(64);
        e.Property(r => r.SourceDocument).HasMaxLength(100);
        e.Property(r => r.ResolvedByContactId).HasMaxLength(32);
        e.Property(r => r.OpenedBy).HasMaxLength(200);
        e.Property(r => r.RequestId).HasMaxLength(64);
        e.HasIndex(r => r.RequestId);
        e.HasIndex(r => new { r.StateCode, r.Role, r.Status });
        e.Ignore(r => r.Name);
    }
}
