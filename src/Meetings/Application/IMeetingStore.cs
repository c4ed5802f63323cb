using TocMesh.Meetings.Domain;

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

    Task<Document?> FindDocumentByRequestIdAsync(string requestId, CancellationToken cancellationToken);

    /// <summary>Documents in symbol order after <paramref name="after"/>, filtered when the filters are set.</summary>
    Task<IReadOnlyList<Document>> ListDocumentsAsync(string? meetingId, string? baseSymbol, string? after, int take, CancellationToken cancellationToken);

    /// <summary>The registered amendments (revisions, addenda, corrigenda) whose base is <paramref name="baseSymbol"/>.</summary>
    Task<IReadOnlyList<string>> ListAmendmentsAsync(string baseSymbol, CancellationToken cancellationToken);

    /// <summary>Adds a document; false when its symbol or request id is already taken (nothing written).</summary>
    Task<bool> TryAddDocumentAsync(Document document, CancellationToken cancellationToken);

    Task<bool> MeetingExistsAsync(string id, CancellationToken cancellationToken);
}
