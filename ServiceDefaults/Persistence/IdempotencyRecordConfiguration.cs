using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>The table every service keeps its request ids in; one row per caller, method and request id.</summary>
public sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("IdempotencyRecords");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Caller).HasMaxLength(200);
        builder.Property(r => r.Method).HasMaxLength(200);
        builder.Property(r => r.RequestId).HasMaxLength(IdempotencyKey.MaxRequestIdLength);
        builder.Property(r => r.Fingerprint).HasMaxLength(64);
        builder.Property(r => r.Result).HasMaxLength(200);
        builder.HasIndex(r => new { r.Caller, r.Method, r.RequestId }).IsUnique();
    }
}
