using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Persistence;

namespace TocMesh.Directory.Tests;

public class PersistenceTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    [Fact]
    public async Task The_register_survives_a_restart_and_the_import_does_not_duplicate_it()
    {
        string folder;
        using (var first = new DirectoryHost(provider: Provider))
        {
            folder = first.DataFolder;
            Assert.Equal(35, (await first.Directory().ListMemberStatesAsync(new ListMemberStatesRequest())).TotalSize);
        }

        using var second = new DirectoryHost(folder, Provider);
        var states = await second.Directory().ListMemberStatesAsync(new ListMemberStatesRequest { PageSize = 100 });
        Assert.Equal(35, states.TotalSize);
        var cuba = Assert.Single(states.MemberStates, s => s.Code == "CUB");
        Assert.Single(cuba.MembershipPeriods);
    }
}

public sealed class PersistenceTestsOnPostgres : PersistenceTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
