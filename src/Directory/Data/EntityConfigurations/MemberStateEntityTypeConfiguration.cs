using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Directory.Domain;

namespace TocMesh.Directory.Data.EntityConfigurations;

internal sealed class MemberStateEntityTypeConfiguration : IEntityTypeConfiguration<MemberState>
{
    public void Configure(EntityTypeBuilder<MemberState> e)
    {
        e.HasKey(s => s.Code);
        e.Property(s => s.Code).HasMaxLength(3);
        e.Property(s => s.Iso2).HasMaxLength(2);
        e.Property(s => s.NameEn).HasMaxLength(200);
        e.Property(s => s.NameEs).HasMaxLength(200);
        e.HasMany(s => s.Periods).WithOne().HasForeignKey(p => p.StateCode).OnDelete(DeleteBehavior.Cascade);
    }
}
