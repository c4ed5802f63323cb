using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Data.EntityConfigurations;

/// <summary>A need: a resolved need points at the edition that answered it, which cannot then be deleted.</summary>
public sealed class NeedEntityTypeConfiguration : IEntityTypeConfiguration<Need>
{
    public void Configure(EntityTypeBuilder<Need> builder)
    {
        builder.Ignore(n => n.Name);
        builder.Ignore(n => n.IsOpen);
        builder.Ignore(n => n.ResolvedByEdition);
        builder.Ignore(n => n.Weight);
        builder.Property(n => n.StateCode).HasMaxLength(3);
        builder.Property(n => n.Area).HasMaxLength(60);
        builder.Property(n => n.Description).HasMaxLength(2000);
        builder.Property(n => n.Priority).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.SourceDocument).HasMaxLength(100);
        builder.Property(n => n.SourceMeetingId).HasMaxLength(60);
        builder.Property(n => n.RaisedBy).HasMaxLength(300);
        builder.Property(n => n.ResolutionNote).HasMaxLength(2000);
        builder.Property(n => n.RequestId).HasMaxLength(100);
        builder.HasIndex(n => n.RequestId);
        builder.HasIndex(n => new { n.StateCode, n.Area });
        builder.Property(n => n.Version).IsConcurrencyToken();
        builder.HasOne<CourseEdition>().WithMany().HasForeignKey(n => n.ResolvedByEditionId).OnDelete(DeleteBehavior.Restrict);
    }
}
