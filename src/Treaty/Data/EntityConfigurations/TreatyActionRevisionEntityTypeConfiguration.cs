using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Data.EntityConfigurations;

/// <summary>A revision's link to its action is mapped with the action (<see cref="TreatyActionEntityTypeConfiguration"/>).</summary>
internal sealed class TreatyActionRevisionEntityTypeConfiguration : IEntityTypeConfiguration<TreatyActionRevision>
{
    public void Configure(EntityTypeBuilder<TreatyActionRevision> builder) =>
        builder.Property(r => r.Change).HasConversion<string>().HasMaxLength(20);
}
