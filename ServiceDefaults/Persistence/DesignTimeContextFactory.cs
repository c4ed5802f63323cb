using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>
/// Creates a provider's context for <c>dotnet ef</c> (migrations are made per provider, without
/// starting the service). Derive one per provider-specific context.
/// </summary>
public abstract class DesignTimeContextFactory<TContext>(DatabaseProvider provider) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TContext>();
        if (provider == DatabaseProvider.Postgres)
        {
            // Making a migration does not connect; `database update` uses the connection string given with --connection.
            options.UsePostgres("Host=localhost;Database=design");
        }
        else
        {
            options.UseSqlite("Data Source=design.db");
        }

        return (TContext)Activator.CreateInstance(typeof(TContext), options.Options)!;
    }
}
