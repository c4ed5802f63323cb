using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace TocMesh.TechnicalCooperation.Data;

/// <summary>
/// Creates with a request id: a retry returns the record first created. The unique index on the
/// request id settles a race between replicas; the loser reads the winner's record.
/// </summary>
internal static class Idempotency
{
    public static async Task<(T Record, bool Created)> AddOnceAsync<T>(
        this TechCoopDbContext db, T record, string? requestId, Expression<Func<T, bool>> sameRequest, CancellationToken cancellationToken)
        where T : class
    {
        if (requestId is not null && await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(sameRequest, cancellationToken) is { } earlier)
        {
            return (earlier, false);
        }

        db.Set<T>().Add(record);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return (record, true);
        }
        catch (DbUpdateException) when (requestId is not null)
        {
            db.ChangeTracker.Clear();
            var winner = await db.Set<T>().AsNoTracking().FirstOrDefaultAsync(sameRequest, cancellationToken);
            return winner is not null ? (winner, false) : throw new InvalidOperationException("The record could not be saved.");
        }
    }
}
