using TocMesh.TechnicalCooperation.V1;
using TocMesh.TestSupport;
using Xunit.Abstractions;

namespace TocMesh.TechnicalCooperation.Tests;

/// <summary>
/// Generated input for every method of the contract (from its descriptor), over gRPC and JSON, as
/// anonymous, partner and editor: see <see cref="GeneratedInputRun"/> for what must hold.
/// <c>TOCMESH_FUZZ_CASES=100000</c> adds a long run.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Generated_input_for_every_method_is_never_answered_internal_nor_unbounded()
    {
        using var host = new TechCoopHost(withTreaty: true);
        host.WithSetting("RateLimits:Enabled", "false"); // the quota has its own test; here every case must reach the service
        host.Directory!.WithSetting("RateLimits:Enabled", "false");
        host.Treaty!.WithSetting("RateLimits:Enabled", "false");
        var run = new GeneratedInputRun(TechnicalCooperationService.Descriptor, key => host.Client<RawClient>(key).Invoker, host.CreateClient);
        output.WriteLine(await run.RunAsync());
    }
}
