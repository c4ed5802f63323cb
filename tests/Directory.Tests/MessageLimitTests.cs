using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>A request larger than the server accepts is refused before it is read, and writes nothing.</summary>
public sealed class MessageLimitTests
{
    [Fact]
    public async Task A_request_over_the_default_4_MB_is_resource_exhausted_and_writes_nothing()
    {
        using var host = new DirectoryHost();
        var secretariat = host.Directory(TestKeys.Secretariat);
        var contact = PointOfContact("JAM");
        contact.Office = new string('x', 4 * 1024 * 1024 + 1);

        var refused = await RpcAssert.ThrowsAsync(StatusCode.ResourceExhausted, () => secretariat.CreateContactAsync(new CreateContactRequest { Contact = contact }).ResponseAsync);

        Assert.Contains("maximum", refused.Status.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await secretariat.AllOfStateAsync("JAM"));
        // The service is unharmed: the same write at a normal size goes through.
        await secretariat.CreateAsync(PointOfContact("JAM"));
        Assert.Single(await secretariat.AllOfStateAsync("JAM"));
    }

    [Fact]
    public async Task The_limit_is_configurable_and_counts_for_anonymous_callers_too()
    {
        using var host = (DirectoryHost)new DirectoryHost().WithSetting("Grpc:MaxReceiveMessageSize", "65536");
        var secretariat = host.Directory(TestKeys.Secretariat);
        var contact = PointOfContact("JAM");
        contact.Office = new string('x', 70_000);

        await RpcAssert.ThrowsAsync(StatusCode.ResourceExhausted, () => secretariat.CreateContactAsync(new CreateContactRequest { Contact = contact }).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.ResourceExhausted,
            () => host.Directory().ListMemberStatesAsync(new ListMemberStatesRequest { PageToken = new string('t', 70_000) }).ResponseAsync);
        Assert.Empty(await secretariat.AllOfStateAsync("JAM"));
        Assert.Equal(35, (await host.Directory().ListMemberStatesAsync(new ListMemberStatesRequest())).TotalSize);
    }
}
