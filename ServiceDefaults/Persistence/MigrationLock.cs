using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>
/// On PostgreSQL, a session advisory lock on the service's database, held on a connection of its own
/// (not pooled, so closing it releases the lock even if the process dies); nothing on SQLite, whose
/// replicas share one file on one machine and where a writer waits for the other.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    /// <summary>Any fixed number: advisory locks are per database, and each service has its own.</summary>
    private const long Key = 0x546F634D657368; // "TocMesh"

    private readonly NpgsqlConnection? _connection;

    private MigrationLock(NpgsqlConnection? connection) => _connection = connection;

    public static async Task<MigrationLock> AcquireAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            return new MigrationLock(null);
        }

        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            command.CommandTimeout = 0; // waits as long as the other replica migrates; the token still cancels
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new MigrationLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is null)
        {
            return;
        }

        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", _connection);
            command.Parameters.AddWithValue("key", Key);
            await command.ExecuteNonQueryAsync();
        }
        finally
        {
            // Closing the session releases the lock in any case.
            await _connection.DisposeAsync();
        }
    }
}
