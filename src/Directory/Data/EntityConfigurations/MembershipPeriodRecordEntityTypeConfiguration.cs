using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Directory.Domain;

namespace TocMesh.Directory.Data.EntityConfigurations;

internal sealed class MembershipPeriodRecordEntityTypeConfiguration : IEntityTypeConfiguration<MembershipPeriodRecord>
{
    public void Configure(EntityTypeBuilder<MembershipPeriodRecord> e)
    {
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
        e.Property(p => p.Basis).HasMaxLength(1000);
        e.HasIndex(p => new { p.StateCode, p.From, p.Status }).IsUnique();
    }
}
