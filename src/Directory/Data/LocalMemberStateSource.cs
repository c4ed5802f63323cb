using Microsoft.EntityFrameworkCore;
using TocMesh.MemberStates;

namespace TocMesh.Directory.Data;

/// <summary>The register read from the Directory's own tables.</summary>
public sealed class LocalMemberStateSource(IServiceScopeFactory scopes) : IMemberStateSource
{
    public async Task<IReadOnlyList<MemberStateInfo>> LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var states = await db.MemberStates.AsNoTracking().Include(s => s.Periods).OrderBy(s => s.Code).ToListAsync(cancellationToken);
        return states.Select(s => s.ToInfo()).ToList();
    }
}
