using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TocMesh.Directory.Data.EntityConfigurations;

internal sealed class ChangeLogHeadEntityTypeConfiguration : IEntityTypeConfiguration<ChangeLogHead>
{
    public void Configure(EntityTypeBuilder<ChangeLogHead> e)
    {
        e.ToTable("ChangeLogHead");
        e.HasKey(h => h.Id);
        e.Property(h => h.Id).ValueGeneratedNever();
        e.HasData(new ChangeLogHead { Id = 1, LastSequence = 0 });
    }
}
