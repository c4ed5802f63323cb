using TocMesh.TestSupport;

namespace TocMesh.Cli.Tests;

[Collection(MeshCollection.Name)]
public sealed class ErrorTests(Mesh mesh)
{
    [Fact]
    public async Task A_refused_call_prints_the_status_the_message_and_each_bad_field_with_exit_code_1_and_no_stack_trace()
    {
        var run = await mesh.RunAsync("status", "state", "XYZ", "--as-of", "2009-10-07");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("error: treaty (http://treaty.localhost/) answered INVALID_ARGUMENT: ", run.Error);
        Assert.Matches(@"(?m)^  state_code: \S", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.DoesNotContain("Exception", run.Error);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task A_service_that_cannot_be_reached_is_named_with_where_to_set_its_address()
    {
        using var closed = new ClosedPort();
        var run = await mesh.RunAsync("needs", "MEX", "--techcoop", closed.Address);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("answered UNAVAILABLE", run.Error);
        Assert.Contains("Set --techcoop or $TOCMESH_TECHCOOP_URL", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Theory]
    [InlineData("status", "state", "MEX", "--as-of", "7 October 2009")]
    [InlineData("report", "ratification", "--scope", "some")]
    [InlineData("directory", "search", "--role", "minister")]
    [InlineData("status", "state")]
    [InlineData("keys", "revoke", "--file", "x.json")]
    [InlineData("status", "state", "MEX", "--treaty", "localhost:5101")]
    public async Task A_wrong_command_line_is_explained_with_exit_code_2_and_nothing_sent(params string[] args)
    {
        var channels = new RecordingChannels(mesh.Handlers);
        var run = await Cli.RunAsync(channels, mesh.Environment, args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("error: ", run.Error);
        Assert.Contains("tocmesh --help", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Empty(channels.Sent);
    }

    [Fact]
    public async Task The_recording_of_what_a_command_sends_sees_a_right_command_line_call_its_service()
    {
        var channels = new RecordingChannels(mesh.Handlers);
        var run = await Cli.RunAsync(channels, mesh.Environment, "status", "state", "MEX", "--as-of", "2009-10-07");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains(channels.Sent, uri => uri.Host == "treaty.localhost" && uri.AbsolutePath == "/tocmesh.treaty.v1.TreatyService/GetStateStatus");
    }
}
