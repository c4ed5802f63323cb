using TocMesh.TechnicalCooperation.V1;
using ProtoDate = Google.Type.Date;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>
/// Invented examples for the tests only. The report of the second meeting names no course of the
/// toolkit, so none of these is presented as part of the real catalogue.
/// </summary>
internal static class Examples
{
    public static Course Course(string title, string[] areas, string[]? audiences = null, string[]? languages = null,
        CourseKind kind = CourseKind.Workshop, CourseDelivery delivery = CourseDelivery.InPerson, string provider = "Example provider")
    {
        var course = new Course
        {
            Title = title,
            Kind = kind,
            Delivery = delivery,
            DurationHours = 16,
            CurriculumAvailable = true,
            Provider = provider,
            SourceDocument = "TEST/example",
        };
        course.ThematicAreas.AddRange(areas);
        course.Audiences.AddRange(audiences ?? ["prosecutors"]);
        course.Languages.AddRange(languages ?? ["es"]);
        return course;
    }

    public static Need Need(string? state, string area, NeedPriority priority = NeedPriority.High) => new()
    {
        StateCode = state ?? "",
        Area = area,
        Description = $"Example need in {area}",
        Priority = priority,
        IdentifiedOn = Date(2010, 3, 1),
    };

    public static ProtoDate Date(int year, int month, int day) => new() { Year = year, Month = month, Day = day };
}
