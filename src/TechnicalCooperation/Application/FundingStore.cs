using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Data;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Application;

/// <summary>Funding records and the source documents; cached snapshots, invalidated by their writes.</summary>
public sealed class FundingStore(TechCoopDbContext db, HybridCache cache, IdempotentWrites writes)
{
    public const string Tag = "funding";
    public const string DocumentsTag = "source-documents";
    private const string Key = "techcoop:funding:v1";
    private const string DocumentsKey = "techcoop:source-documents:v1";

    public async Task<IReadOnlyList<Funding>> AllAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            Key,
            async ct => await db.Funding.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct),
            tags: [Tag],
            cancellationToken: cancellationToken);

    public async Task<Funding> RecordAsync(Funding funding, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        var (saved, created) = await db.AddOnceAsync(writes, funding, key, cancellationToken);
        if (created)
        {
            await cache.RemoveByTagAsync(Tag, cancellationToken);
        }

        return saved;
    }

    public async Task<IReadOnlyList<SourceDocument>> SourceDocumentsAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            DocumentsKey,
            async ct => await db.SourceDocuments.AsNoTracking().OrderBy(d => d.Symbol).ToListAsync(ct),
            tags: [DocumentsTag],
            cancellationToken: cancellationToken);
}
