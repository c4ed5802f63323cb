using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Data.EntityConfigurations;

/// <summary>Participants of an edition, one row per state.</summary>
public sealed class EditionParticipantsEntityTypeConfiguration : IEntityTypeConfiguration<EditionParticipants>
{
    public void Configure(EntityTypeBuilder<EditionParticipants> builder)
    {
        builder.HasKey(p => new { p.EditionId, p.StateCode });
        builder.Property(p => p.StateCode).HasMaxLength(3);
    }
}
