namespace TocMesh.ServiceDefaults.Persistence;

/// <summary>
/// One request id used by one caller for one method: the fingerprint of the request it came with and
/// the result it gave (the name or id of what it created), kept in the service's own database.
/// </summary>
public sealed class IdempotencyRecord
{
    public long Id { get; set; }

    /// <summary>The agency whose key made the call.</summary>
    public string Caller { get; set; } = "";

    /// <summary>The full gRPC method, e.g. <c>/tocmesh.treaty.v1.TreatyService/RecordLegislation</c>.</summary>
    public string Method { get; set; } = "";

    public string RequestId { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of the request with its request id cleared.</summary>
    public string Fingerprint { get; set; } = "";

    /// <summary>What the first call created, as the service names it; a retry answers with it.</summary>
    public string Result { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}
