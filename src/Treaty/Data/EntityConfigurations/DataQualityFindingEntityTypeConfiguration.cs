using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Data.EntityConfigurations;

internal sealed class DataQualityFindingEntityTypeConfiguration : IEntityTypeConfiguration<DataQualityFinding>
{
    public void Configure(EntityTypeBuilder<DataQualityFinding> builder)
    {
        builder.HasKey(f => f.Key);
        builder.Property(f => f.Key).HasMaxLength(200);
        builder.Property(f => f.Severity).HasConversion<string>().HasMaxLength(10);
    }
}
