namespace TocMesh.Meetings.Domain;

/// <summary>A participant's position on a component, read off an intervention.</summary>
public sealed record ComponentPosition(string Participant, Stance Stance, int Intervention);
