namespace TocMesh.MemberStates;

/// <summary>How a member state stood in the organization on a day.</summary>
public enum Participation
{
    /// <summary>A member taking part.</summary>
    Participating,

    /// <summary>A member whose right to take part was suspended; still a member, and counted in reports.</summary>
    Suspended,

    /// <summary>A member whose government did not take part at all (Cuba, 1962 onwards).</summary>
    NotParticipating,

    /// <summary>No longer a member after its denunciation of the Charter took effect.</summary>
    Withdrawn,
}
