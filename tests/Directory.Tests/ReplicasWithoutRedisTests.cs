using System.Diagnostics;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>Two replicas and no Redis: nothing carries removals, so in-process entries are kept briefly.</summary>
public sealed class ReplicasWithoutRedisTests
{
    [Fact]
    public async Task Without_redis_a_write_on_one_replica_is_read_on_the_other_once_its_short_lived_entry_expires()
    {
        using var a = Replica(null);
        await a.Directory().ListMemberStatesAsync(new ListMemberStatesRequest());
        using var b = Replica(a.DataFolder);
        var onA = a.Directory(TestKeys.Secretariat);
        var onB = b.Directory(TestKeys.Secretariat);
        var created = await onA.CreateAsync(PointOfContact("DMA"));
        var cachedOnB = Stopwatch.StartNew();
        Assert.Equal("Office of Example Affairs", (await onB.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact.Office);

        await onA.UpdateContactAsync(new UpdateContactRequest
        {
            Contact = new Contact { Name = created.Name, Etag = created.Etag, Office = "Changed on A" },
            UpdateMask = Mask("office"),
        });

        // Fresh long before an entry's usual lifetime: B kept it only for the short unsynced one.
        Assert.True(
            await ReplicaTests.FreshOnBeforeExpiryAsync(onB, created.Name, "Changed on A", cachedOnB),
            $"B served its entry for its usual lifetime ({ReplicaTests.EntryLifetime.TotalSeconds:F0} s)");
    }

    // Caching:Replicas is what the AppHost sets when it runs several replicas.
    private static DirectoryHost Replica(string? sharedDataFolder) =>
        (DirectoryHost)new DirectoryHost(sharedDataFolder)
            .WithSetting("Caching:Replicas", "2")
            .WithSetting("Caching:UnsyncedLocalExpiration", "00:00:01");
}
