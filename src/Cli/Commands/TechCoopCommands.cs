using System.CommandLine;
using System.Globalization;
using TocMesh.Cli.Hosting;
using TocMesh.Cli.Output;
using TocMesh.TechnicalCooperation.V1;

namespace TocMesh.Cli.Commands;

/// <summary><c>needs</c> and <c>courses recommend</c>: the TechnicalCooperation service.</summary>
public static class TechCoopCommands
{
    public static Command Needs(CommandRunner runner)
    {
        var command = new Command("needs", "The diagnostic assessment of needs: of one member state, or of the hemisphere when no state is given.");
        var state = new Argument<string?>("state") { Description = "ISO 3166-1 alpha-3 code, e.g. MEX.", Arity = ArgumentArity.ZeroOrOne };
        command.Arguments.Add(state);
        runner.Action(command, async (session, ct) =>
        {
            var response = await session.TechCoop().GetNeedsAssessmentAsync(
                new GetNeedsAssessmentRequest { StateCode = session.Parse.GetValue(state) ?? "" }, session.Call(ct));
            if (session.Json)
            {
                JsonOutput.Write(session.Terminal.Output, response);
                return ExitCodes.Ok;
            }

            session.Terminal.Output.WriteLine(response.StateCode.Length > 0 ? $"Needs of {response.StateCode}" : "Needs of the hemisphere");
            var areas = Tables.New("Area", "Open", "Resolved", "States with an open need");
            foreach (var area in response.Areas)
            {
                areas.Row(area.Area, Count(area.OpenCount), Count(area.ResolvedCount), string.Join(", ", area.StateCodes));
            }

            session.Terminal.Console.Write(areas);
            var needs = Tables.New("Need", "State", "Area", "Priority", "Status", "Description", "Source");
            foreach (var need in response.Needs)
            {
                needs.Row(need.Name, need.StateCode.Length > 0 ? need.StateCode : "hemisphere", need.Area,
                    need.Priority == NeedPriority.Unspecified ? "not assessed" : need.Priority.Words(),
                    need.Status == NeedStatus.Resolved ? $"resolved {Dates.Text(need.ResolvedOn)}" : need.Status.Words(),
                    need.Description, need.SourceDocument);
            }

            session.Terminal.Console.Write(needs);
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command Courses(CommandRunner runner)
    {
        var courses = new Command("courses", "The course and workshop toolkit.");
        var recommend = new Command("recommend", "Courses that answer a member state's open needs, best first.");
        var state = new Argument<string>("state") { Description = "ISO 3166-1 alpha-3 code, e.g. MEX." };
        var audience = new Option<string?>("--audience") { Description = "Only courses for this audience, e.g. judges, prosecutors, police." };
        var hemisphere = new Option<bool>("--include-hemisphere") { Description = "Also match the hemisphere-wide needs." };
        var max = new Option<int>("--max") { Description = "At most this many courses (the service's default when left out).", DefaultValueFactory = _ => 0 };
        recommend.Arguments.Add(state);
        recommend.Options.Add(audience);
        recommend.Options.Add(hemisphere);
        recommend.Options.Add(max);
        runner.Action(recommend, async (session, ct) =>
        {
            var response = await session.TechCoop().RecommendCoursesAsync(new RecommendCoursesRequest
            {
                StateCode = session.Parse.GetValue(state)!,
                Audience = session.Parse.GetValue(audience) ?? "",
                IncludeHemisphereNeeds = session.Parse.GetValue(hemisphere),
                MaxResults = session.Parse.GetValue(max),
            }, session.Call(ct));
            if (session.Json)
            {
                JsonOutput.Write(session.Terminal.Output, response);
                return ExitCodes.Ok;
            }

            session.Terminal.Output.WriteLine($"Courses for {response.StateCode}");
            var table = Tables.New("Rank", "Course", "Kind", "Audiences", "Languages", "Score", "Why");
            foreach (var recommendation in response.Recommendations)
            {
                var course = recommendation.Course;
                table.Row(Count(recommendation.Rank), $"{course.Title} ({course.Name})", course.Kind.Words(),
                    string.Join(", ", course.Audiences), string.Join(", ", course.Languages), Count(recommendation.Score), recommendation.Reason);
            }

            session.Terminal.Console.Write(table);
            if (response.Recommendations.Count == 0)
            {
                session.Terminal.Output.WriteLine("No course answers an open need of the state.");
            }

            return ExitCodes.Ok;
        });
        courses.Subcommands.Add(recommend);
        return courses;
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
