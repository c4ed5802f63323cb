using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.Treaty.Data;
using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application;

/// <summary>Lists what the import found wrong or missing in the published data (the data-quality findings).</summary>
public sealed class DataQualityReader(TreatyDbContext db, HybridCache cache)
{
    public async Task<(IReadOnlyList<DataQualityFinding> Page, string Next)> ListAsync(string? sourceFile, string? stateCode, string? instrumentId, PageRequest page, CancellationToken ct)
    {
        var state = string.IsNullOrWhiteSpace(stateCode) ? null : StateCodes.Normalize(stateCode, "state_code");
        var all = await cache.GetOrCreateAsync("treaty:findings:v1:all", db,
            static async (db, ct) => (await db.DataQualityFindings.AsNoTracking().ToListAsync(ct))
                .OrderBy(f => f.SourceFile, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Rule, StringComparer.Ordinal).ToList(),
            tags: [CacheTags.Findings], cancellationToken: ct);
        var matching = all.Where(f =>
            (string.IsNullOrWhiteSpace(sourceFile) || f.SourceFile == sourceFile)
            && (state is null || f.StateCode == state)
            && (string.IsNullOrWhiteSpace(instrumentId) || f.InstrumentId == instrumentId));
        return page.Take(matching, PageKey);
    }

    // Ordered as listed: file, then line, then rule.
    private static string PageKey(DataQualityFinding f) => $"{f.SourceFile}:{f.Line:D6}:{f.Rule}";
}
