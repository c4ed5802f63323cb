using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Data;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Application;

/// <summary>The needs assessment; read as one cached snapshot, invalidated by every need write.</summary>
public sealed class NeedsStore(TechCoopDbContext db, HybridCache cache, IdempotentWrites writes)
{
    public const string Tag = "needs";
    private const string Key = "techcoop:needs:v1";

    public async Task<IReadOnlyList<Need>> AllAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            Key,
            async ct => await db.Needs.AsNoTracking().OrderBy(n => n.Id).ToListAsync(ct),
            tags: [Tag],
            cancellationToken: cancellationToken);

    public async Task<Need> GetAsync(long id, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(n => n.Id == id)
        ?? throw new NotFoundException("need", ResourceNames.Need(id));

    public async Task<Need> RecordAsync(Need need, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        need.Status = NeedStatus.Open;
        need.Version = 1;
        var (saved, created) = await db.AddOnceAsync(writes, need, key, cancellationToken);
        if (created)
        {
            await cache.RemoveByTagAsync(Tag, cancellationToken);
        }

        return await GetAsync(saved.Id, cancellationToken);
    }

    /// <summary>Resolves an open need; a resolved need stays resolved (FAILED_PRECONDITION).</summary>
    public async Task<Need> ResolveAsync(long id, DateOnly resolvedOn, (long Course, long Edition)? edition, string note, CancellationToken cancellationToken)
    {
        var need = await db.Needs.FirstOrDefaultAsync(n => n.Id == id, cancellationToken)
            ?? throw new NotFoundException("need", ResourceNames.Need(id));
        if (!need.IsOpen)
        {
            throw new RuleViolationException("NEED_ALREADY_RESOLVED", need.Name, $"{need.Name} was resolved on {need.ResolvedOn:yyyy-MM-dd}.");
        }

        if (resolvedOn < need.IdentifiedOn)
        {
            throw new ValidationException("resolved_on", $"is before the need was identified ({need.IdentifiedOn:yyyy-MM-dd})");
        }

        need.Status = NeedStatus.Resolved;
        need.ResolvedOn = resolvedOn;
        need.ResolvedByCourseId = edition?.Course;
        need.ResolvedByEditionId = edition?.Edition;
        need.ResolutionNote = note;
        need.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await cache.RemoveByTagAsync(Tag, cancellationToken);
        return await GetAsync(id, cancellationToken);
    }
}
