using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Data.EntityConfigurations;

internal sealed class StatusStatementEntityTypeConfiguration : IEntityTypeConfiguration<StatusStatement>
{
    public void Configure(EntityTypeBuilder<StatusStatement> builder)
    {
        builder.Property(s => s.StateCode).HasMaxLength(3);
        builder.Property(s => s.RequestId).HasMaxLength(100);
        builder.HasIndex(s => s.RequestId);
        builder.HasIndex(s => s.StateCode);
    }
}
