using TocMesh.ServiceDefaults.Errors;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Application;

/// <summary>
/// Courses' points of contact as the Directory knows them: a course may only name a contact the
/// Directory has, and a read shows what the Directory says of it (its name only while the Directory is down).
/// </summary>
public sealed class PointsOfContact(IContactDirectory contacts)
{
    /// <summary>A point of contact must exist in the Directory; when the Directory is down it cannot be checked.</summary>
    public async Task<ContactLookup?> EnsureExistsAsync(string? name, CancellationToken cancellationToken)
    {
        if (name is null)
        {
            return null;
        }

        var lookup = await contacts.LookupAsync(name, cancellationToken);
        return lookup.Outcome switch
        {
            ContactLookupOutcome.Found => lookup,
            ContactLookupOutcome.NotFound => throw new ValidationException("course.point_of_contact", $"the Directory has no contact {name}"),
            _ => throw new DependencyUnavailableException(MeshResources.Directory, "The Directory cannot be reached to check the point of contact; retry shortly."),
        };
    }

    public async Task<ContactLookup?> ResolveAsync(Course course, CancellationToken cancellationToken) =>
        course.PointOfContact is null ? null : await contacts.LookupAsync(course.PointOfContact, cancellationToken);

    /// <summary>Each distinct point of contact of <paramref name="courses"/> looked up once, by name.</summary>
    public async Task<IReadOnlyDictionary<string, ContactLookup>> ResolveAllAsync(IReadOnlyList<Course> courses, CancellationToken cancellationToken)
    {
        var names = courses.Select(c => c.PointOfContact).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var lookups = await Task.WhenAll(names.Select(n => contacts.LookupAsync(n, cancellationToken)));
        return lookups.ToDictionary(l => l.Name, StringComparer.Ordinal);
    }
}
