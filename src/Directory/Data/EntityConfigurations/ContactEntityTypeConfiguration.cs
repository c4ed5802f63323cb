using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using TocMesh.Directory.Domain;

namespace TocMesh.Directory.Data.EntityConfigurations;

internal sealed class ContactEntityTypeConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> e)
    {
        e.HasKey(c => c.Id);
        e.Property(c => c.Id).HasMaxLength(32);
        e.Property(c => c.Revision).IsConcurrencyToken();
        e.Property(c => c.RequestId).HasMaxLength(64);
        e.HasIndex(c => c.RequestId);
        e.Property(c => c.StateCode).HasMaxLength(3);
        e.Property(c => c.Role).HasConversion<string>().HasMaxLength(32);
        e.Property(c => c.InstrumentId).HasMaxLength(32);
        e.Property(c => c.Institution).HasMaxLength(300);
        e.Property(c => c.Office).HasMaxLength(300);
        e.Property(c => c.Person).HasMaxLength(200);
        e.Property(c => c.Title).HasMaxLength(200);
        e.Property(c => c.PostalAddress).HasMaxLength(1000);
        e.Property(c => c.OfficeHours).HasMaxLength(200);
        e.Property(c => c.TimeZone).HasMaxLength(64);
        e.Property(c => c.SourceDocument).HasMaxLength(100);
        e.PrimitiveCollection(c => c.Channels).ElementType().HasConversion<string>();
        e.Ignore(c => c.Name);
        e.Ignore(c => c.Etag);
        e.HasIndex(c => new { c.StateCode, c.Role });
    }
}
