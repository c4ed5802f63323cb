using TocMesh.Cli.Hosting;
using TocMesh.Directory.V1;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;

namespace TocMesh.Cli.Tests;

/// <summary>
/// The four services in-process, each with its own database and seed, calling each other as in the
/// mesh, and a directory with a national point of contact and a courses contact for every member state.
/// The CLI finds them through its environment variables, as an operator's shell would give them.
/// </summary>
public sealed class Mesh : IAsyncLifetime
{
    public DirectoryNode Directory { get; } = new();

    public TreatyNode Treaty { get; }

    public TechCoopNode TechCoop { get; }

    public MeetingsNode Meetings { get; }

    public int ContactCount { get; private set; }

    public Mesh()
    {
        Treaty = new TreatyNode(Directory);
        TechCoop = new TechCoopNode(Directory, Treaty);
        Meetings = new MeetingsNode(Directory, Treaty, TechCoop);
    }

    public Dictionary<string, string> Environment { get; } = new()
    {
        ["TOCMESH_TREATY_URL"] = "http://treaty.localhost",
        ["TOCMESH_DIRECTORY_URL"] = "http://directory.localhost",
        ["TOCMESH_TECHCOOP_URL"] = "http://techcoop.localhost",
        ["TOCMESH_MEETINGS_URL"] = "http://meetings.localhost",
    };

    public IChannelFactory Channels => new InProcessChannels(Handlers);

    /// <summary>The in-process services by the host name the CLI reaches them at.</summary>
    public IReadOnlyDictionary<string, Func<HttpMessageHandler>> Handlers => new Dictionary<string, Func<HttpMessageHandler>>
    {
        ["treaty.localhost"] = () => Treaty.Server.CreateHandler(),
        ["directory.localhost"] = () => Directory.Server.CreateHandler(),
        ["techcoop.localhost"] = () => TechCoop.Server.CreateHandler(),
        ["meetings.localhost"] = () => Meetings.Server.CreateHandler(),
    };

    /// <summary>Runs tocmesh with <paramref name="args"/> against the mesh, within a bound.</summary>
    public Task<CliRun> RunAsync(params string[] args) => RunAsync(Environment, args);

    public Task<CliRun> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        Cli.RunAsync(Channels, environment, args);

    /// <summary>Runs tocmesh as on an operator's terminal, where progress bars are drawn on the error stream.</summary>
    public Task<CliRun> RunOnTerminalAsync(params string[] args) => Cli.RunAsync(Channels, Environment, progressOnTerminal: true, args);

    public async Task InitializeAsync()
    {
        var directory = Directory.Client<DirectoryService.DirectoryServiceClient>(TestKeys.Secretariat);
        var states = await directory.ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 100 });
        foreach (var state in states.MemberStates)
        {
            foreach (var role in new[] { ContactRole.NationalPointOfContact, ContactRole.Courses })
            {
                await directory.CreateContactAsync(new CreateContactRequest { Contact = Contacts.Example(state.Code, role, $"Ministry of Justice, {state.NameEn}"), RequestId = Guid.NewGuid().ToString() });
                ContactCount++;
            }
        }

        // Mexico's needs and a course that answers one, for the TechnicalCooperation commands.
        var techcoop = TechCoop.Client<TechnicalCooperationService.TechnicalCooperationServiceClient>(TestKeys.Secretariat);
        await techcoop.RecordNeedAsync(new RecordNeedRequest { Need = Contacts.Need("MEX", "firearms", NeedPriority.High), RequestId = Guid.NewGuid().ToString() });
        await techcoop.RecordNeedAsync(new RecordNeedRequest { Need = Contacts.Need("MEX", "money-laundering", NeedPriority.Low), RequestId = Guid.NewGuid().ToString() });
        var course = new Course
        {
            Title = "Firearms tracing for investigators",
            Kind = CourseKind.Workshop,
            Delivery = CourseDelivery.InPerson,
            DurationHours = 16,
            CurriculumAvailable = true,
            Provider = "Example provider",
            SourceDocument = "TEST/example",
            ThematicAreas = { "firearms" },
            Audiences = { "police" },
            Languages = { "es", "en" },
        };
        await techcoop.CreateCourseAsync(new CreateCourseRequest { Course = course });
    }

    public Task DisposeAsync()
    {
        Meetings.Dispose();
        TechCoop.Dispose();
        Treaty.Dispose();
        Directory.Dispose();
        return Task.CompletedTask;
    }
}
