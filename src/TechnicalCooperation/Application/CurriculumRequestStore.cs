using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using TocMesh.ServiceDefaults.Errors;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TechnicalCooperation.Data;
using TocMesh.TechnicalCooperation.Domain;

namespace TocMesh.TechnicalCooperation.Application;

/// <summary>States' requests of the toolkit; one cached snapshot, invalidated by every request write.</summary>
public sealed class CurriculumRequestStore(TechCoopDbContext db, HybridCache cache, IdempotentWrites writes)
{
    public const string Tag = "curriculum-requests";
    private const string Key = "techcoop:curriculum-requests:v1";

    public async Task<IReadOnlyList<CurriculumRequest>> AllAsync(CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync(
            Key,
            async ct => await db.CurriculumRequests.AsNoTracking().OrderBy(r => r.Id).ToListAsync(ct),
            tags: [Tag],
            cancellationToken: cancellationToken);

    public async Task<CurriculumRequest> GetAsync(long id, CancellationToken cancellationToken) =>
        (await AllAsync(cancellationToken)).FirstOrDefault(r => r.Id == id)
        ?? throw new NotFoundException("curriculum request", ResourceNames.CurriculumRequest(id));

    public async Task<CurriculumRequest> CreateAsync(CurriculumRequest request, IdempotencyKey? key, CancellationToken cancellationToken)
    {
        request.Status = CurriculumRequestStatus.Open;
        request.Version = 1;
        var (saved, created) = await db.AddOnceAsync(writes, request, key, cancellationToken);
        if (created)
        {
            await cache.RemoveByTagAsync(Tag, cancellationToken);
        }

        return await GetAsync(saved.Id, cancellationToken);
    }

    public async Task<CurriculumRequest> AnswerAsync(long id, string answer, DateOnly answeredOn, CancellationToken cancellationToken)
    {
        var request = await db.CurriculumRequests.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)
            ?? throw new NotFoundException("curriculum request", ResourceNames.CurriculumRequest(id));
        if (request.Status == CurriculumRequestStatus.Answered)
        {
            throw new RuleViolationException("REQUEST_ALREADY_ANSWERED", request.Name, $"{request.Name} was answered on {request.AnsweredOn:yyyy-MM-dd}.");
        }

        if (answeredOn < request.RequestedOn)
        {
            throw new ValidationException("answered_on", $"is before the request was made ({request.RequestedOn:yyyy-MM-dd})");
        }

        request.Status = CurriculumRequestStatus.Answered;
        request.Answer = answer;
        request.AnsweredOn = answeredOn;
        request.Version++;
        await db.SaveChangesAsync(cancellationToken);
        await cache.RemoveByTagAsync(Tag, cancellationToken);
        return await GetAsync(id, cancellationToken);
    }
}
