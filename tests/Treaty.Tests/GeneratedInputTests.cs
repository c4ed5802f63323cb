using System.Globalization;
using Grpc.Core;
using TocMesh.Treaty.V1;
using ProtoDate = Google.Type.Date;

namespace TocMesh.Treaty.Tests;

/// <summary>
/// Generated bad (and good) input over the read methods: every answer is OK or a status that blames
/// the input (INVALID_ARGUMENT, NOT_FOUND), never INTERNAL or UNKNOWN, and never a hang.
/// TOCMESH_GENERATED_CASES sets how many cases (default 1,500; 100,000 for a full run).
/// </summary>
public sealed class GeneratedInputTests
{
    private static readonly string[] Pieces = ["MEX", "mex", "", " ", "M", "MEXX", "ZZZ", "12A", "É€X", "\u0000", "untoc", "untoc-tip", "a-55", "../", "%00", "' OR 1=1 --", new string('A', 300), "djE6TUVY", "v1:", "☃"];

    [Fact]
    public async Task Generated_requests_get_ok_or_a_status_that_blames_the_input_never_internal()
    {
        var cases = int.TryParse(Environment.GetEnvironmentVariable("TOCMESH_GENERATED_CASES"), CultureInfo.InvariantCulture, out var n) ? n : 1_500;
        var random = new Random(20091007);
        using var host = new TreatyHost();
        host.WithSetting("RateLimits:Enabled", "false"); // the quota has its own test; here every case must reach the service
        var treaty = host.Treaty();
        var outcomes = new Dictionary<StatusCode, int>();

        for (var i = 0; i < cases; i++)
        {
            var call = random.Next(4);
            var code = await Outcome(call switch
            {
                0 => treaty.GetStateStatusAsync(new GetStateStatusRequest { StateCode = Text(random), AsOf = Date(random) }, deadline: Deadline()).ResponseAsync,
                1 => treaty.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = Date(random), Scope = (ReportScope)random.Next(-2, 5), InstrumentIds = { Text(random) } }, deadline: Deadline()).ResponseAsync,
                2 => treaty.ListTreatyActionsAsync(new ListTreatyActionsRequest { StateCode = Text(random), PageSize = random.Next(-5, 500), PageToken = Text(random) }, deadline: Deadline()).ResponseAsync,
                _ => treaty.GetInstrumentStatusAsync(new GetInstrumentStatusRequest { InstrumentId = Text(random), AsOf = Date(random) }, deadline: Deadline()).ResponseAsync,
            });
            outcomes[code] = outcomes.GetValueOrDefault(code) + 1;
            Assert.True(code is StatusCode.OK or StatusCode.InvalidArgument or StatusCode.NotFound,
                $"case {i} (call {call}) answered {code}");
        }

        Assert.True(outcomes.GetValueOrDefault(StatusCode.InvalidArgument) > 0);
        Assert.True(outcomes.GetValueOrDefault(StatusCode.OK) > 0);
    }

    // A deadline only so that a case that hangs fails as DEADLINE_EXCEEDED instead of blocking the run.
    private static DateTime Deadline() => DateTime.UtcNow + Waits.Hang;

    private static async Task<StatusCode> Outcome(Task call)
    {
        try
        {
            await call;
            return StatusCode.OK;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static string Text(Random random) => random.Next(3) switch
    {
        0 => Pieces[random.Next(Pieces.Length)],
        1 => Pieces[random.Next(Pieces.Length)] + Pieces[random.Next(Pieces.Length)],
        _ => new string(Enumerable.Range(0, random.Next(0, 12)).Select(_ => (char)random.Next(32, 0x2FF)).ToArray()),
    };

    private static ProtoDate? Date(Random random) => random.Next(5) switch
    {
        0 => null,
        1 => new ProtoDate { Year = random.Next(1990, 2030), Month = random.Next(1, 13), Day = random.Next(1, 29) },
        _ => new ProtoDate { Year = random.Next(-5, 10_001), Month = random.Next(-1, 14), Day = random.Next(-1, 33) },
    };
}
