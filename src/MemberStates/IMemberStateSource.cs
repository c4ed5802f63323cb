namespace TocMesh.MemberStates;

/// <summary>Where the register comes from: the Directory service (its own database there, its contract elsewhere).</summary>
public interface IMemberStateSource
{
    Task<IReadOnlyList<MemberStateInfo>> LoadAsync(CancellationToken cancellationToken);
}
