using Microsoft.EntityFrameworkCore;
using TocMesh.Directory.Domain;

namespace TocMesh.Directory.Data;

public sealed class DirectoryDbContext(DbContextOptions<DirectoryDbContext> options) : DbContext(options)
{
    public DbSet<MemberState> MemberStates => Set<MemberState>();

    public DbSet<MembershipPeriodRecord> MembershipPeriods => Set<MembershipPeriodRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MemberState>(e =>
        {
            e.HasKey(s => s.Code);
            e.Property(s => s.Code).HasMaxLength(3);
            e.Property(s => s.Iso2).HasMaxLength(2);
            e.Property(s => s.NameEn).HasMaxLength(200);
            e.Property(s => s.NameEs).HasMaxLength(200);
            e.HasMany(s => s.Periods).WithOne().HasForeignKey(p => p.StateCode).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<MembershipPeriodRecord>(e =>
        {
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(32);
            e.Property(p => p.Basis).HasMaxLength(1000);
            e.HasIndex(p => new { p.StateCode, p.From, p.Status }).IsUnique();
        });
    }
}
