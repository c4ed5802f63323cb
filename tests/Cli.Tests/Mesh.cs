extern alias directory;
extern alias meetings;
extern alias techcoop;
extern alias treaty;

using Grpc.Net.Client;
using TocMesh.Cli.Hosting;
using TocMesh.Cli.Output;
using TocMesh.Directory.V1;
using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;
using DirectoryGrpcService = directory::TocMesh.Directory.Grpc.DirectoryGrpcService;
using MeetingsGrpcService = meetings::TocMesh.Meetings.Grpc.MeetingsGrpcService;
using TechCoopGrpcService = techcoop::TocMesh.TechnicalCooperation.Grpc.TechnicalCooperationGrpcService;
using TreatyGrpcService = treaty::TocMesh.Treaty.Grpc.TreatyGrpcService;

namespace TocMesh.Cli.Tests;

public sealed class DirectoryNode(string? dataFolder = null) : ServiceHost<DirectoryGrpcService>("directory", dataFolder);

public sealed class TreatyNode : ServiceHost<TreatyGrpcService>
{
    public TreatyNode(DirectoryNode directory) : base("treaty") => WithDependency("directory", directory);
}

public sealed class TechCoopNode : ServiceHost<TechCoopGrpcService>
{
    public TechCoopNode(DirectoryNode directory, TreatyNode treaty) : base("techcoop")
    {
        WithDependency("directory", directory);
        WithDependency("treaty", treaty);
    }
}

public sealed class MeetingsNode : ServiceHost<MeetingsGrpcService>
{
    public MeetingsNode(DirectoryNode directory, TreatyNode treaty, TechCoopNode techcoop) : base("meetings")
    {
        WithDependency("directory", directory);
        WithDependency("treaty", treaty);
        WithDependency("techcoop", techcoop);
    }
}

/// <summary>What one run of tocmesh returned and wrote.</summary>
public sealed record CliRun(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- output\n{Output}\n--- error\n{Error}";
}

/// <summary>
/// Channels to in-process services, by the host name of the address the CLI resolved
/// (http://treaty.test, ...); any other address is reached over the network.
/// </summary>
public sealed class InProcessChannels(IReadOnlyDictionary<string, Func<HttpMessageHandler>> handlers) : IChannelFactory
{
    public GrpcChannel Create(Uri address) => handlers.TryGetValue(address.Host, out var handler)
        ? GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler(), MaxReceiveMessageSize = 16 * 1024 * 1024 })
        : new GrpcChannelFactory().Create(address);
}

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
        ["TOCMESH_TREATY_URL"] = "http://treaty.test",
        ["TOCMESH_DIRECTORY_URL"] = "http://directory.test",
        ["TOCMESH_TECHCOOP_URL"] = "http://techcoop.test",
        ["TOCMESH_MEETINGS_URL"] = "http://meetings.test",
    };

    public IChannelFactory Channels => new InProcessChannels(new Dictionary<string, Func<HttpMessageHandler>>
    {
        ["treaty.test"] = () => Treaty.Server.CreateHandler(),
        ["directory.test"] = () => Directory.Server.CreateHandler(),
        ["techcoop.test"] = () => TechCoop.Server.CreateHandler(),
        ["meetings.test"] = () => Meetings.Server.CreateHandler(),
    });

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

[CollectionDefinition(Name)]
public sealed class MeshCollection : ICollectionFixture<Mesh>
{
    public const string Name = "mesh";
}

public static class Cli
{
    /// <summary>Runs tocmesh in-process with the given channels and environment, capturing what it writes.</summary>
    public static Task<CliRun> RunAsync(IChannelFactory channels, IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunAsync(channels, environment, progressOnTerminal: false, args);

    /// <summary>
    /// With <paramref name="progressOnTerminal"/>, the error stream is an interactive ANSI terminal,
    /// where progress bars are drawn (a plain, redirected one gets none).
    /// </summary>
    public static async Task<CliRun> RunAsync(IChannelFactory channels, IReadOnlyDictionary<string, string> environment, bool progressOnTerminal, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var terminal = Terminal.Plain(output, error, width: 240);
        if (progressOnTerminal)
        {
            var errorConsole = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
            {
                Out = new Spectre.Console.AnsiConsoleOutput(error),
                Ansi = Spectre.Console.AnsiSupport.Yes,
                ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
                Interactive = Spectre.Console.InteractionSupport.Yes,
            });
            errorConsole.Profile.Width = 120;
            terminal = new Terminal(output, error, terminal.Console, errorConsole);
        }

        var context = new CliContext(terminal, channels, name => environment.GetValueOrDefault(name))
        {
            CallTimeout = TimeSpan.FromSeconds(20),
        };
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        var exitCode = await TocMeshCli.RunAsync(args, context, bound.Token);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public static Task<CliRun> RunAsync(params string[] args) =>
        RunAsync(new GrpcChannelFactory(), new Dictionary<string, string>(), args);
}

/// <summary>Invented contacts and needs on example.org: no real person's data is used in tests.</summary>
public static class Contacts
{
    public const string Person = "Alex Example-Fixture";

    public static Contact Example(string state, ContactRole role, string institution) => new()
    {
        StateCode = state,
        Role = role,
        Institution = institution,
        Office = "Office of Example Affairs",
        Person = Person,
        Title = "Fixture Director of Examples",
        Emails = { $"contact.{state.ToLowerInvariant()}@example.org" },
        Phones = { "+12025550143" },
        PostalAddress = "1 Example Street, Example City",
        Languages = { state is "BRA" ? "pt" : state is "USA" or "CAN" ? "en" : "es", state is "USA" or "CAN" ? "fr" : "en" },
        Channels = { ContactChannel.Email },
        ValidFrom = new Google.Type.Date { Year = 2009, Month = 1, Day = 1 },
        SourceDocument = "GT/DOT-II/doc.9/09",
    };

    public static Need Need(string state, string area, NeedPriority priority) => new()
    {
        StateCode = state,
        Area = area,
        Description = $"Example need in {area}",
        Priority = priority,
        IdentifiedOn = new Google.Type.Date { Year = 2010, Month = 3, Day = 1 },
    };
}
