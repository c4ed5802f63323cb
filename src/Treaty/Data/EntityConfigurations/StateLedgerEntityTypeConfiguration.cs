using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Data.EntityConfigurations;

internal sealed class StateLedgerEntityTypeConfiguration : IEntityTypeConfiguration<StateLedger>
{
    public void Configure(EntityTypeBuilder<StateLedger> builder)
    {
        builder.HasKey(l => l.StateCode);
        builder.Property(l => l.StateCode).HasMaxLength(3);
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}
