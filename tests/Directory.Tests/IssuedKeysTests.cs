using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Auth;
using TocMesh.TestSupport;

namespace TocMesh.Directory.Tests;

public sealed class IssuedKeysTests
{
    private const string EmptyKeys = """{ "Auth": { "IssuedKeys": [] } }""";

    [Fact]
    public async Task A_key_issued_into_the_keys_file_is_accepted_without_a_restart_and_refused_once_revoked()
    {
        var keysFile = Path.Combine(TemporaryFolders.New("keys"), "keys.json");
        await File.WriteAllTextAsync(keysFile, EmptyKeys);
        using var host = new DirectoryHost();
        host.WithSetting("Auth:KeysFile", keysFile);
        var newcomer = host.Directory("interpol-new-key");
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => newcomer.GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" }).ResponseAsync);

        var hash = ApiKeyRegistry.Hash("interpol-new-key");
        await File.WriteAllTextAsync(keysFile, $$"""{ "Auth": { "IssuedKeys": [ { "Agency": "INTERPOL", "Sha256": "{{hash}}", "Roles": [ "partner" ] } ] } }""");
        Assert.True(await Eventually(() => Succeeds(newcomer)), "the issued key was not accepted within 10 s");

        await File.WriteAllTextAsync(keysFile, EmptyKeys);
        Assert.True(await Eventually(async () => !await Succeeds(newcomer)), "the revoked key was still accepted after 10 s");
    }

    private static async Task<bool> Succeeds(DirectoryService.DirectoryServiceClient client)
    {
        try
        {
            await client.GetMemberStateAsync(new GetMemberStateRequest { Code = "MEX" });
            return true;
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.Unauthenticated)
        {
            return false;
        }
    }

    private static async Task<bool> Eventually(Func<Task<bool>> condition)
    {
        for (var deadline = DateTime.UtcNow.AddSeconds(10); DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await condition())
            {
                return true;
            }
        }

        return false;
    }
}
