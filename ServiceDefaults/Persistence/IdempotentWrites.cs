using Microsoft.EntityFrameworkCore;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>
/// Request ids (AIP-155) for every create of a service: a retry by the same caller with the same
/// request answers with what the first call created; the same id with another request is
/// INVALID_ARGUMENT on <c>request_id</c>; another caller's id is never seen. The write and its record
/// are committed in one transaction, so neither is kept without the other.
/// </summary>
public sealed class IdempotentWrites(DbContext db, TimeProvider clock)
{
    /// <summary>What the first call with <paramref name="key"/> created, or null when there was none (or no key).</summary>
    public async Task<string?> EarlierResultAsync(IdempotencyKey? key, CancellationToken ct)
    {
        if (key is null)
        {
            return null;
        }

        var earlier = await db.Set<IdempotencyRecord>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Caller == key.Caller && r.Method == key.Method && r.RequestId == key.RequestId, ct);
        if (earlier is null)
        {
            return null;
        }

        return earlier.Fingerprint == key.Fingerprint
            ? earlier.Result
            : throw new ValidationException("request_id", $"\"{key.RequestId}\" was already used by this caller for a different request; use a new request_id for a new request");
    }

    /// <summary>
    /// A create under <paramref name="key"/>, done once: a retry answers with what the first call
    /// created (<paramref name="load"/> reads it by its recorded result), also when the first call
    /// commits while this one runs and this one's own rules then refuse it as a duplicate of what the
    /// first created (say a second consent to the same treaty): a twin retry never gets an error its
    /// first call did not. <paramref name="write"/> saves through <see cref="SaveChangesAsync"/>.
    /// </summary>
    public async Task<T> OnceAsync<T>(IdempotencyKey? key, Func<Task<T>> write, Func<string, Task<T>> load, CancellationToken ct)
    {
        if (await EarlierResultAsync(key, ct) is { } earlier)
        {
            return await load(earlier);
        }

        try
        {
            return await write();
        }
        catch (DomainException) when (key is not null)
        {
            db.ChangeTracker.Clear();
            if (await EarlierResultAsync(key, ct) is { } committed)
            {
                return await load(committed);
            }

            throw;
        }
    }

    /// <summary>
    /// Saves the tracked changes and, when there is a key, its record with <paramref name="result"/>
    /// (read after the changes are saved, so generated ids are known), in one transaction. Null when
    /// saved; when a concurrent call with the same key committed first, the changes are discarded and
    /// its result is returned instead.
    /// </summary>
    public async Task<string?> SaveChangesAsync(IdempotencyKey? key, Func<string> result, CancellationToken ct)
    {
        if (key is null)
        {
            await db.SaveChangesAsync(ct);
            return null;
        }

        var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            await db.SaveChangesAsync(ct);
            db.Set<IdempotencyRecord>().Add(new IdempotencyRecord
            {
                Caller = key.Caller,
                Method = key.Method,
                RequestId = key.RequestId,
                Fingerprint = key.Fingerprint,
                Result = result(),
                CreatedAt = clock.StoredUtcNow(),
            });
            await db.SaveChangesAsync(ct);
            if (transaction is not null)
            {
                await transaction.CommitAsync(ct);
            }

            return null;
        }
        catch (DbUpdateException) when (transaction is not null)
        {
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            if (await EarlierResultAsync(key, ct) is { } winner)
            {
                return winner;
            }

            throw;
        }
        finally
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }
        }
    }
}
