using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Data.EntityConfigurations;

/// <summary>A funding record: an amount is a currency and a count of minor units together, or neither.</summary>
public sealed class FundingEntityTypeConfiguration : IEntityTypeConfiguration<Funding>
{
    public void Configure(EntityTypeBuilder<Funding> builder)
    {
        builder.Ignore(f => f.Name);
        builder.Ignore(f => f.Amount);
        builder.Ignore(f => f.IsFunds);
        builder.Property(f => f.Source).HasConversion<string>().HasMaxLength(32);
        builder.Property(f => f.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(f => f.Donor).HasMaxLength(200);
        builder.Property(f => f.DonorNote).HasMaxLength(500);
        builder.Property(f => f.WorkArea).HasMaxLength(60);
        builder.Property(f => f.Recipient).HasMaxLength(200);
        builder.Property(f => f.CurrencyCode).HasMaxLength(3);
        builder.Property(f => f.SourceMeetingId).HasMaxLength(60);
        builder.Property(f => f.SourceDocument).HasMaxLength(100);
        builder.Property(f => f.Note).HasMaxLength(2000);
        builder.Property(f => f.RequestId).HasMaxLength(100);
        builder.HasIndex(f => f.RequestId);
        // An amount is both a currency and a count of its minor units, or neither ("not stated").
        builder.ToTable(t => t.HasCheckConstraint("CK_Funding_Amount", "(\"CurrencyCode\" IS NULL) = (\"MinorUnits\" IS NULL)"));
    }
}
