using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Data;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Application;

/// <summary>The toolkit's courses and their editions; read as one cached snapshot, invalidated by every course or edition write.</summary>
public sealed class ToolkitStore(TechCoopDbContext db, HybridCache cache, IdempotentWrites writes)
{
    public const string Tag = "courses";
    private const string Key = "techcoop:toolkit:v1";

    public async Task<IReadOnlyList<Course>> AllAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            Key,
            async ct => await db.Courses.AsNoTracking()
                .Include(c => c.Editions.OrderBy(e => e.StartDate).ThenBy(e => e.Id)).ThenInclude(e => e.Participants.OrderBy(p => p.StateCode))
                .OrderBy(c => c.Id)
                .AsSplitQuery()
                .ToListAsync(ct),
            tags: [Tag],
            cancellationToken: cancellationToken);

    public async Task<Course> GetAsync(long id, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(c => c.Id == id)
        ?? throw new NotFoundException("course", ResourceNames.Course(id));

    public async Task<Course> CreateAsync(Course course, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        course.Version = 1;
        var (saved, created) = await db.AddOnceAsync(writes, course, key, cancellationToken);
        if (created)
        {
            await cache.RemoveByTagAsync(Tag, cancellationToken);
        }

        return await GetAsync(saved.Id, cancellationToken);
    }

    /// <summary>Applies <paramref name="change"/> to the course when <paramref name="etag"/> (if given) is current.</summary>
    public async Task<Course> UpdateAsync(long id, string? etag, Action<Course> change, CancellationToken cancellationToken)
    {
        var course = await db.Courses.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)
            ?? throw new NotFoundException("course", ResourceNames.Course(id));
        if (!string.IsNullOrEmpty(etag) && etag != course.Etag)
        {
            throw new EtagMismatchException("course", course.Name);
        }

        change(course);
        course.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await cache.RemoveByTagAsync(Tag, cancellationToken);
        return await GetAsync(id, cancellationToken);
    }

    public async Task<CourseEdition> RecordEditionAsync(long courseId, CourseEdition edition, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        if (!await db.Courses.AnyAsync(c => c.Id == courseId, cancellationToken))
        {
            throw new NotFoundException("course", ResourceNames.Course(courseId));
        }

        edition.CourseId = courseId;
        var (saved, created) = await db.AddOnceAsync(writes, edition, key, cancellationToken);
        if (created)
        {
            await cache.RemoveByTagAsync(Tag, cancellationToken);
        }

        var course = await GetAsync(saved.CourseId, cancellationToken);
        return course.Editions.Single(e => e.Id == saved.Id);
    }

    /// <summary>The edition named, or INVALID_ARGUMENT on <paramref name="field"/> when there is none.</summary>
    public async Task<(Course Course, CourseEdition Edition)> FindEditionAsync(long courseId, long editionId, string field, CancellationToken cancellationToken)
    {
        var course = (await AllAsync(cancellationToken)).FirstOrDefault(c => c.Id == courseId);
        var edition = course?.Editions.FirstOrDefault(e => e.Id == editionId);
        return course is not null && edition is not null
            ? (course, edition)
            : throw new ValidationException(field, $"there is no edition {ResourceNames.Edition(courseId, editionId)}");
    }
}
