using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Meetings.Domain;

namespace TocMesh.Meetings.Data.EntityConfigurations;

/// <summary>
/// How a <see cref="Document"/> is stored.
/// Keyed by the normalized symbol; amendments are found by their base, a retried registration by its request id.
/// </summary>
public sealed class DocumentEntityTypeConfiguration : IEntityTypeConfiguration<Document>
{
    public void Configure(EntityTypeBuilder<Document> builder)
    {
        builder.HasKey(d => d.Symbol);
        builder.Property(d => d.Symbol).HasMaxLength(DocumentSymbol.MaxLength);
        builder.Property(d => d.BaseSymbol).HasMaxLength(DocumentSymbol.MaxLength);
        builder.Property(d => d.Content).HasConversion<string>().HasMaxLength(24);
        builder.Property(d => d.Etag).HasMaxLength(40).IsConcurrencyToken();
        builder.HasIndex(d => d.BaseSymbol);
        builder.HasIndex(d => d.MeetingId);
        builder.HasIndex(d => d.RequestId);
    }
}
