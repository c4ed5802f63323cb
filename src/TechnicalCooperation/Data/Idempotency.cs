using System.Globalization;
using Microsoft.EntityFrameworkCore;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.TechnicalCooperation.Data;

/// <summary>
/// Creates with a request id (the platform's <see cref="IdempotentWrites"/>): a retry by the same
/// caller returns the record it first created; a race between replicas is settled by the unique
/// index of the request ids, and the loser reads the winner's record. Every record created this way
/// has a numeric key named <c>Id</c>.
/// </summary>
internal static class Idempotency
{
    private const string IdProperty = "Id";

    public static async Task<(T Record, bool Created)> AddOnceAsync<T>(
        this TechCoopDbContext db, IdempotentWrites writes, T record, IdempotencyKey? key, CancellationToken cancellationToken)
        where T : class
    {
        return await writes.OnceAsync(key, Add, async earlier => (await LoadAsync<T>(db, earlier, cancellationToken), false), cancellationToken);

        async Task<(T Record, bool Created)> Add()
        {
            db.Set<T>().Add(record);
            var id = () => ((long)db.Entry(record).Property(IdProperty).CurrentValue!).ToString(CultureInfo.InvariantCulture);
            if (await writes.SaveChangesAsync(key, id, cancellationToken) is { } winner)
            {
                return (await LoadAsync<T>(db, winner, cancellationToken), false);
            }

            return (record, true);
        }
    }

    private static Task<T> LoadAsync<T>(TechCoopDbContext db, string recorded, CancellationToken cancellationToken)
        where T : class
    {
        var id = long.Parse(recorded, CultureInfo.InvariantCulture);
        return db.Set<T>().AsNoTracking().FirstAsync(e => EF.Property<long>(e, IdProperty) == id, cancellationToken);
    }
}
