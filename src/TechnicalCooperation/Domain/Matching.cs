namespace TocMesh.TechnicalCooperation.Domain;

/// <summary>Matching open needs to the toolkit: by area, exactly (a course answers a need when it covers the need's area).</summary>
public static class Matching
{
    /// <summary>
    /// Courses that answer the state's open needs, best first. Deterministic: by score (need weights by
    /// priority, hemisphere-wide needs at half), then by editions held, then by course id.
    /// </summary>
    public static IReadOnlyList<CourseRecommendation> Recommend(
        string stateCode, IReadOnlyCollection<Course> courses, IReadOnlyCollection<Need> needs,
        bool includeHemisphereNeeds, string? audience, int maxResults)
    {
        var open = needs
            .Where(n => n.IsOpen && (n.StateCode == stateCode || (includeHemisphereNeeds && n.StateCode is null)))
            .ToList();

        var scored = courses
            .Where(c => audience is null || c.IsFor(audience))
            .Select(c =>
            {
                var answered = open.Where(n => c.Covers(n.Area))
                    .OrderBy(n => n.StateCode is null ? 1 : 0)
                    .ThenBy(n => PriorityOrder(n.Priority))
                    .ThenBy(n => n.Id)
                    .ToList();
                var score = answered.Sum(n => n.StateCode is null ? n.Weight / 2 : n.Weight);
                return (Course: c, Answered: answered, Score: score);
            })
            .Where(x => x.Answered.Count > 0)
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Course.Editions.Count)
            .ThenBy(x => x.Course.Id)
            .Take(maxResults)
            .ToList();

        return scored.Select((x, i) => new CourseRecommendation(x.Course, i + 1, x.Score, x.Answered, Explain(stateCode, x.Course, x.Answered, x.Score))).ToList();
    }

    /// <summary>Open needs no course answers; with <paramref name="deliveredOnly"/>, only courses given at least once count.</summary>
    public static IReadOnlyList<Need> Uncovered(IReadOnlyCollection<Course> courses, IEnumerable<Need> needs, bool deliveredOnly)
    {
        var covered = courses
            .Where(c => !deliveredOnly || c.Editions.Count > 0)
            .SelectMany(c => c.ThematicAreas)
            .ToHashSet(StringComparer.Ordinal);
        return needs.Where(n => n.IsOpen && !covered.Contains(n.Area)).OrderBy(n => n.Id).ToList();
    }

    private static int PriorityOrder(NeedPriority priority) => priority == NeedPriority.NotAssessed ? 4 : (int)priority;

    private static string Explain(string stateCode, Course course, IReadOnlyList<Need> answered, int score)
    {
        var own = answered.Where(n => n.StateCode is not null).ToList();
        var hemisphere = answered.Where(n => n.StateCode is null).ToList();
        var parts = new List<string>();
        if (own.Count > 0)
        {
            parts.Add($"answers {Count(own.Count, "open need")} of {stateCode}: {Describe(own)}");
        }

        if (hemisphere.Count > 0)
        {
            parts.Add($"{(own.Count > 0 ? "and" : "answers")} {Count(hemisphere.Count, "hemisphere-wide need")}: {Describe(hemisphere)}");
        }

        var reason = string.Join(" ", parts) + $" (score {score})";
        reason += course.Editions.Count > 0 ? $"; given {Count(course.Editions.Count, "time")}" : "; not given yet";
        if (course.CurriculumAvailable)
        {
            reason += "; curriculum available";
        }

        return reason;
    }

    private static string Describe(IEnumerable<Need> needs) =>
        string.Join(", ", needs.Select(n => $"{n.Area} ({PriorityText(n.Priority)})"));

    private static string PriorityText(NeedPriority priority) => priority switch
    {
        NeedPriority.High => "high",
        NeedPriority.Medium => "medium",
        NeedPriority.Low => "low",
        _ => "priority not assessed",
    };

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
