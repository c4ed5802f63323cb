namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>A course recommended to a state, with the open needs it answers and why.</summary>
public sealed record CourseRecommendation(Course Course, int Rank, int Score, IReadOnlyList<Need> AnsweredNeeds, string Reason);
