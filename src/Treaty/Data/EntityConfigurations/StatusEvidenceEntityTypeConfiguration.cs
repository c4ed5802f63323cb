using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Data.EntityConfigurations;

internal sealed class StatusEvidenceEntityTypeConfiguration : IEntityTypeConfiguration<StatusEvidence>
{
    public void Configure(EntityTypeBuilder<StatusEvidence> builder)
    {
        builder.HasKey(e => e.Key);
        builder.Property(e => e.Key).HasMaxLength(200);
        builder.Property(e => e.SourceFile).HasMaxLength(100);
        builder.Property(e => e.StateCode).HasMaxLength(3);
        builder.Property(e => e.InstrumentId).HasMaxLength(40);
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(e => new { e.StateCode, e.InstrumentId });
    }
}
