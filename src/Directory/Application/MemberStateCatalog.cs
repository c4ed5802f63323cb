using TocMesh.MemberStates;
using TocMesh.ServiceDefaults.Contracts;
using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.Directory.Application;

/// <summary>Reads of the member-state register, served from the shared cached register.</summary>
public sealed class MemberStateCatalog(MemberStateRegister register)
{
    public async Task<(IReadOnlyList<MemberStateInfo> Page, string NextPageToken, int Total)> ListAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var all = (await register.ListAsync(cancellationToken)).OrderBy(s => s.Code, StringComparer.Ordinal).ToList();
        var (items, next) = page.Take(all, s => s.Code);
        return (items, next, all.Count);
    }

    public async Task<MemberStateInfo> GetAsync(string? code, string field, CancellationToken cancellationToken)
    {
        var normalized = StateCodes.Normalize(code, field);
        var all = await register.TryGetAsync(cancellationToken);
        return all?.GetValueOrDefault(normalized) ?? throw new NotFoundException("member state", normalized);
    }
}
