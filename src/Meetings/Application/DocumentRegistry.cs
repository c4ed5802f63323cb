using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Application;

/// <summary>
/// The documents of the meetings, under their normalized symbols; amendments are linked to their base
/// by the base symbol their own symbol names. Reads cached under the tag <see cref="CacheTag"/>.
/// </summary>
public sealed class DocumentRegistry(IMeetingStore store, HybridCache cache, TimeProvider clock)
{
    public const string CacheTag = "documents";

    public async Task<DocumentView> GetAsync(string? symbolText, CancellationToken cancellationToken)
    {
        var text = symbolText?.Trim() ?? "";
        if (text.StartsWith("documents/", StringComparison.Ordinal))
        {
            text = text["documents/".Length..];
        }

        var symbol = DocumentSymbol.Parse(text);
        var view = await cache.GetOrCreateAsync(
            $"document:{symbol.Normalized}:v1",
            (registry: this, symbol),
            static async (state, ct) => await state.registry.LoadAsync(state.symbol, ct),
            tags: [CacheTag],
            cancellationToken: cancellationToken);
        return view?.ToView() ?? throw new NotFoundException("document", "documents/" + symbol.Normalized);
    }

    public async Task<(IReadOnlyList<DocumentView> Page, string NextPageToken)> ListAsync(
        string? meetingId, string? baseSymbolText, PageRequest page, CancellationToken cancellationToken)
    {
        var violations = new FieldViolations();
        var meeting = string.IsNullOrWhiteSpace(meetingId) ? null : violations.Try(() => MeetingRecords.NormalizeId(meetingId, "meeting_id"));
        var baseSymbol = string.IsNullOrWhiteSpace(baseSymbolText) ? null : violations.Try(() => DocumentSymbol.Parse(baseSymbolText, "base_symbol").BaseSymbol);
        violations.ThrowIfAny();

        // Only first pages are cached: a page token is the caller's to make up, so it names no key.
        var cached = page.After is not null
            ? await ListRowsAsync(meeting, baseSymbol, page, cancellationToken)
            : await cache.GetOrCreateAsync(
                $"documents:list:v1:{meeting}|{baseSymbol}|{page.Size}",
                (registry: this, meeting, baseSymbol, page),
                static async (s, ct) => await s.registry.ListRowsAsync(s.meeting, s.baseSymbol, s.page, ct),
                tags: [CacheTag],
                cancellationToken: cancellationToken);
        var hasMore = cached.Count > page.Size;
        var items = cached.Take(page.Size).Select(c => c.ToView()).ToList();
        return (items, PageRequest.NextToken(items.Count > 0 ? items[^1].Document.Symbol : null, hasMore));
    }

    public async Task<DocumentView> RegisterAsync(Caller caller, NewDocument request, CancellationToken cancellationToken)
    {
        caller.EnsureSecretariat("register a document");
        var violations = new FieldViolations();
        var symbol = violations.Try(() => DocumentSymbol.Parse(request.Symbol, "document.symbol.normalized"));
        violations.Required(request.Title, "document.title");
        violations.MaxLength(request.Title, 500, "document.title");
        violations.MaxLength(request.Description, 1000, "document.description");
        var meetingId = string.IsNullOrWhiteSpace(request.MeetingId) ? null : violations.Try(() => MeetingRecords.NormalizeId(request.MeetingId, "document.meeting_id"));
        violations.ThrowIfAny();
        if (meetingId is not null && !await store.MeetingExistsAsync(meetingId, cancellationToken))
        {
            throw new ValidationException("document.meeting_id", $"there is no meeting \"{meetingId}\"");
        }

        if (await store.EarlierDocumentAsync(request.Key, cancellationToken) is { } earlier)
        {
            return await GetAsync(earlier, cancellationToken);
        }

        var document = new Document
        {
            Symbol = symbol!.Normalized,
            BaseSymbol = symbol.BaseSymbol,
            AmendsSymbol = symbol.AmendsSymbol,
            Title = request.Title!.Trim(),
            MeetingId = meetingId,
            Description = request.Description?.Trim() ?? "",
            Content = request.Content,
            Etag = Guid.NewGuid().ToString("N"),
            RegisteredBy = caller.Agency!,
            RegisteredAt = clock.StoredNow(),
        };

        var registered = await store.TryAddDocumentAsync(document, request.Key, cancellationToken)
            ?? throw new AlreadyExistsException("document", "documents/" + symbol.Normalized);
        if (registered != document.Symbol)
        {
            // A concurrent retry of the same request won the race.
            return await GetAsync(registered, cancellationToken);
        }

        await cache.RemoveByTagAsync(CacheTag, cancellationToken);
        return (await LoadAsync(symbol, cancellationToken))!.ToView();
    }

    private async Task<CachedDocument?> LoadAsync(DocumentSymbol symbol, CancellationToken cancellationToken)
    {
        var document = await store.FindDocumentAsync(symbol.Normalized, cancellationToken);
        return document is null ? null : await DescribeAsync(document, cancellationToken);
    }

    private async Task<List<CachedDocument>> ListRowsAsync(string? meetingId, string? baseSymbol, PageRequest page, CancellationToken cancellationToken)
    {
        var rows = await store.ListDocumentsAsync(meetingId, baseSymbol, page.After, page.Size + 1, cancellationToken);
        var result = new List<CachedDocument>(rows.Count);
        foreach (var row in rows)
        {
            result.Add(await DescribeAsync(row, cancellationToken));
        }

        return result;
    }

    private async Task<CachedDocument> DescribeAsync(Document document, CancellationToken cancellationToken)
    {
        var amendments = await store.ListAmendmentsAsync(document.BaseSymbol, cancellationToken);
        var baseRegistered = document.BaseSymbol == document.Symbol || await store.FindDocumentAsync(document.BaseSymbol, cancellationToken) is not null;
        // An original lists every registered amendment of it; an amendment lists those that amend it in turn.
        var own = amendments.Where(a => a != document.Symbol && DocumentSymbol.Parse(a).Normalized.StartsWith(document.Symbol + " ", StringComparison.Ordinal)).ToList();
        return new CachedDocument(document, baseRegistered, own);
    }
}
