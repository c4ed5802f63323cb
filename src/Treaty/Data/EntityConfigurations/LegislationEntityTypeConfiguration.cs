using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Data.EntityConfigurations;

internal sealed class LegislationEntityTypeConfiguration : IEntityTypeConfiguration<Legislation>
{
    public void Configure(EntityTypeBuilder<Legislation> builder)
    {
        builder.Property(l => l.StateCode).HasMaxLength(3);
        builder.Property(l => l.Kind).HasConversion<string>().HasMaxLength(30);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(30);
        // A partial date is stored as written: "2008", "2008-06" or "2008-06-18".
        builder.Property(l => l.EnactedOn).HasConversion(d => d!.Value.ToString(), s => PartialDate.Parse(s)).HasMaxLength(10);
        builder.Property(l => l.InForceOn).HasConversion(d => d!.Value.ToString(), s => PartialDate.Parse(s)).HasMaxLength(10);
        builder.Property(l => l.RequestId).HasMaxLength(100);
        builder.HasIndex(l => l.RequestId);
        builder.HasIndex(l => l.StateCode);
        builder.Ignore(l => l.Span);
        builder.Ignore(l => l.IsInEffect);
    }
}
