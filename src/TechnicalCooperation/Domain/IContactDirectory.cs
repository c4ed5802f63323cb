namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>Points of contact, as the Directory service knows them.</summary>
public interface IContactDirectory
{
    Task<ContactLookup> LookupAsync(string name, CancellationToken cancellationToken);
}
