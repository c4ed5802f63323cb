using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
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

    // A DbConnection, and the PostgreSQL work in methods of its own: a service on SQLite never loads Npgsql.
    private readonly DbConnection? _connection;

    private MigrationLock(DbConnection? connection) => _connection = connection;

    public static async Task<MigrationLock> AcquireAsync(DbContext db, CancellationToken cancellationToken) =>
        db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? new MigrationLock(await LockAsync(db.Database.GetConnectionString(), cancellationToken))
            : new MigrationLock(null);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<DbConnection> LockAsync(string? connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection);
            command.Parameters.AddWithValue("key", Key);
            command.CommandTimeout = 0; // waits as long as the other replica migrates; the token still cancels
            await command.ExecuteNonQueryAsync(cancellationToken);
            return connection;
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
            await UnlockAsync(_connection);
        }
        finally
        {
            // Closing the session releases the lock in any case.
            await _connection.DisposeAsync();
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task UnlockAsync(DbConnection connection)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", (NpgsqlConnection)connection);
        command.Parameters.AddWithValue("key", Key);
        await command.ExecuteNonQueryAsync();
    }
}
