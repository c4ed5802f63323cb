using TocMesh.Meetings.Domain;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Meetings.Application;

/// <summary>Where the meetings' records are kept (the service's own database).</summary>
public interface IMeetingStore
{
    /// <summary>Every meeting with all its records, oldest first.</summary>
    Task<IReadOnlyList<Meeting>> LoadMeetingsAsync(CancellationToken cancellationToken);

    /// <summary>One meeting with all its records, or null.</summary>
    Task<Meeting?> LoadMeetingAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to a follow-up if its etag is still <paramref name="expectedEtag"/>;
    /// null when there is no such follow-up. Throws <c>EtagMismatchException</c> when someone else changed it first.
    /// </summary>
    Task<FollowUp?> UpdateFollowUpAsync(string meetingId, string id, string expectedEtag, Action<FollowUp> change, CancellationToken cancellationToken);

    Task<Document?> FindDocumentAsync(string symbol, CancellationToken cancellationToken);

    /// <summary>The symbol registered by the first call with <paramref name="key"/>; null when there was none (INVALID_ARGUMENT when it came with another request).</summary>
    Task<string?> EarlierDocumentAsync(IdempotencyKey? key, CancellationToken cancellationToken);

    /// <summary>Documents in symbol order after <paramref name="after"/>, filtered when the filters are set.</summary>
    Task<IReadOnlyList<Document>> ListDocumentsAsync(string? meetingId, string? baseSymbol, string? after, int take, CancellationToken cancellationToken);

    /// <summary>The registered amendments (revisions, addenda, corrigenda) whose base is <paramref name="baseSymbol"/>.</summary>
    Task<IReadOnlyList<string>> ListAmendmentsAsync(string baseSymbol, CancellationToken cancellationToken);

    /// <summary>
    /// Adds a document with the record of its request id; its symbol, or the symbol registered by a
    /// concurrent call with the same key that committed first; null when the symbol is already taken
    /// (nothing written).
    /// </summary>
    Task<string?> TryAddDocumentAsync(Document document, IdempotencyKey? key, CancellationToken cancellationToken);

    Task<bool> MeetingExistsAsync(string id, CancellationToken cancellationToken);
}
