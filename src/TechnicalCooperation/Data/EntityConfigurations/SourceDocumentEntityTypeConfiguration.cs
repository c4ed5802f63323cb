using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Data.EntityConfigurations;

/// <summary>A source document, keyed by its symbol.</summary>
public sealed class SourceDocumentEntityTypeConfiguration : IEntityTypeConfiguration<SourceDocument>
{
    public void Configure(EntityTypeBuilder<SourceDocument> builder)
    {
        builder.HasKey(d => d.Symbol);
        builder.Property(d => d.Symbol).HasMaxLength(100);
        builder.Property(d => d.Title).HasMaxLength(500);
        builder.Property(d => d.MeetingId).HasMaxLength(60);
        builder.Property(d => d.PresentedBy).HasMaxLength(300);
    }
}
