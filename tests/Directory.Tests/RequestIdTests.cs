using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>
/// Request ids as AIP-155 scopes them: to the caller and the method. Mexico's and Peru's editors may
/// both send the same id; each gets, and keeps, its own contact.
/// </summary>
public class RequestIdTests
{
    private const string N1 = "0f5d2c1e-7a4b-4c3d-9e8f-000000000001";

    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task Two_editors_sending_the_same_request_id_each_get_their_own_contact_and_a_retry_the_first()
    {
        using var host = new DirectoryHost(provider: Provider);
        var mexico = host.Directory(TestKeys.MexicoEditor);
        var peru = host.Directory(TestKeys.PeruEditor);

        var mexicos = await mexico.CreateAsync(PointOfContact("MEX", institution: "Secretaría de Ejemplos"), N1);
        var perus = await peru.CreateAsync(PointOfContact("PER", institution: "Ministerio de Ejemplos"), N1);
        var retried = await mexico.CreateAsync(PointOfContact("MEX", institution: "Secretaría de Ejemplos"), N1.ToUpperInvariant());

        Assert.Equal(("MEX", "PER"), (mexicos.StateCode, perus.StateCode));
        Assert.NotEqual(mexicos.Name, perus.Name);
        Assert.Equal(mexicos.Name, retried.Name);
        var secretariat = host.Directory(TestKeys.Secretariat);
        Assert.Equal([mexicos.Name], (await secretariat.AllOfStateAsync("MEX")).Select(c => c.Name).Where(n => n == mexicos.Name || n == perus.Name));
        Assert.Contains(await secretariat.AllOfStateAsync("PER"), c => c.Name == perus.Name && c.Institution == "Ministerio de Ejemplos");
        var mexicoBefore = (await secretariat.AllOfStateAsync("MEX")).Count;

        // The same id with another contact is not a retry: refused, and nothing is written.
        await RpcAssert.InvalidArgumentAsync(() => mexico.CreateContactAsync(new CreateContactRequest { Contact = PointOfContact("MEX", institution: "Otra"), RequestId = N1 }).ResponseAsync, "request_id");
        Assert.Equal(mexicoBefore, (await secretariat.AllOfStateAsync("MEX")).Count);

        // Another method is another scope.
        var opened = (await mexico.OpenChangeRequestAsync(new OpenChangeRequestRequest
        {
            RequestId = N1,
            ChangeRequest = new ChangeRequest { StateCode = "MEX", Role = ContactRole.MlaCentralAuthority, Description = "A new central authority" },
        })).ChangeRequest;
        Assert.Equal("MEX", opened.StateCode);
    }

    [Fact]
    public async Task A_retry_after_a_restart_returns_the_first_contact()
    {
        string folder;
        Contact first;
        using (var host = new DirectoryHost(provider: Provider))
        {
            folder = host.DataFolder;
            first = await host.Directory(TestKeys.PeruEditor).CreateAsync(PointOfContact("PER"), N1);
        }

        using var restarted = new DirectoryHost(folder, Provider);
        var peru = restarted.Directory(TestKeys.PeruEditor);
        Assert.Equal(first.Name, (await peru.CreateAsync(PointOfContact("PER"), N1)).Name);
        Assert.Single(await restarted.Directory(TestKeys.Secretariat).AllOfStateAsync("PER"), c => c.Name == first.Name);
        await RpcAssert.ThrowsAsync(StatusCode.InvalidArgument, () => peru.CreateContactAsync(new CreateContactRequest { Contact = PointOfContact("PER", institution: "Otra"), RequestId = N1 }).ResponseAsync);
    }
}

public sealed class RequestIdTestsOnPostgres : RequestIdTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
