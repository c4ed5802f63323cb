using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Data.EntityConfigurations;

internal sealed class TreatyActionEntityTypeConfiguration : IEntityTypeConfiguration<TreatyAction>
{
    public void Configure(EntityTypeBuilder<TreatyAction> builder)
    {
        builder.Property(a => a.StateCode).HasMaxLength(3);
        builder.Property(a => a.InstrumentId).HasMaxLength(40);
        builder.Property(a => a.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Origin).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.ImportKey).HasMaxLength(200);
        builder.Property(a => a.RequestId).HasMaxLength(100);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => a.ImportKey).IsUnique();
        builder.HasIndex(a => a.RequestId);
        builder.HasIndex(a => new { a.StateCode, a.InstrumentId });
        builder.HasOne<Instrument>().WithMany().HasForeignKey(a => a.InstrumentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(a => a.History).WithOne().HasForeignKey(r => r.TreatyActionId).OnDelete(DeleteBehavior.Cascade);
    }
}
