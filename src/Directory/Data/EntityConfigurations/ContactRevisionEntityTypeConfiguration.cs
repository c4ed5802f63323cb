using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using TocMesh.Directory.Domain;

namespace TocMesh.Directory.Data.EntityConfigurations;

internal sealed class ContactRevisionEntityTypeConfiguration : IEntityTypeConfiguration<ContactRevision>
{
    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<ContactRevision> e)
    {
        e.HasKey(r => r.Sequence);
        // Numbered from the log head when saved (see DirectoryDbContext.SaveChangesAsync), never by the database.
        e.Property(r => r.Sequence).ValueGeneratedNever();
        e.Property(r => r.ContactId).HasMaxLength(32);
        e.Property(r => r.StateCode).HasMaxLength(3);
        e.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        e.Property(r => r.Role).HasConversion<string>().HasMaxLength(32);
        e.Property(r => r.ChangedBy).HasMaxLength(200);
        e.Property(r => r.Reason).HasMaxLength(1000);
        e.Property(r => r.Snapshot).HasConversion(
            new ValueConverter<ContactDetails, string>(
                d => JsonSerializer.Serialize(d, SnapshotJson),
                s => JsonSerializer.Deserialize<ContactDetails>(s, SnapshotJson) ?? new ContactDetails()),
            // A snapshot is written once and never changed in place.
            new ValueComparer<ContactDetails>((a, b) => ReferenceEquals(a, b), d => d.GetHashCode(), d => d));
        e.HasIndex(r => new { r.ContactId, r.Revision }).IsUnique();
        e.HasIndex(r => r.RecordedAt);
        e.HasIndex(r => new { r.StateCode, r.Sequence });
    }
}
