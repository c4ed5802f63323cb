using System.Buffers.Text;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

public sealed class ContactCacheTests
{
    [Fact]
    public async Task With_redis_as_second_level_a_read_right_after_a_write_sees_the_write()
    {
        await using var redis = await RedisServer.StartAsync();
        using var host = (DirectoryHost)new DirectoryHost().WithRedis(redis.ConnectionString);
        var secretariat = host.Directory(TestKeys.Secretariat);
        var created = await secretariat.CreateAsync(PointOfContact("KNA"));

        // Fill the caches, then change the contact and the state's list.
        Assert.Equal("Office of Example Affairs", (await secretariat.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact.Office);
        Assert.Single((await secretariat.ListContactsAsync(new ListContactsRequest { StateCode = "KNA" })).Contacts);
        Assert.Single((await secretariat.GetDirectoryAsync(new GetDirectoryRequest())).Contacts);
        Assert.Single((await secretariat.ListChangeRequestsAsync(new ListChangeRequestsRequest { StateCode = "KNA", Status = ChangeRequestStatus.Resolved })).ChangeRequests);

        await secretariat.UpdateContactAsync(new UpdateContactRequest
        {
            Contact = new Contact { Name = created.Name, Etag = created.Etag, Office = "Office after the change" },
            UpdateMask = Mask("office"),
        });
        await secretariat.CreateAsync(PointOfContact("KNA", ContactRole.Courses));
        await secretariat.OpenChangeRequestAsync(new OpenChangeRequestRequest
        {
            ChangeRequest = new ChangeRequest { StateCode = "KNA", Role = ContactRole.Courses, Description = "Another course contact announced" },
        });

        Assert.Equal("Office after the change", (await secretariat.GetContactAsync(new GetContactRequest { Name = created.Name })).Contact.Office);
        Assert.Equal(2, (await secretariat.ListContactsAsync(new ListContactsRequest { StateCode = "KNA" })).Contacts.Count);
        Assert.Equal(2, (await secretariat.GetDirectoryAsync(new GetDirectoryRequest())).Contacts.Count);
        Assert.Equal(2, (await secretariat.GetContactHistoryAsync(new GetContactHistoryRequest { Name = created.Name })).Revisions.Count);
        Assert.Single((await secretariat.ListChangeRequestsAsync(new ListChangeRequestsRequest { StateCode = "KNA", Status = ChangeRequestStatus.Open })).ChangeRequests);
    }

    [Fact]
    public async Task Page_tokens_a_caller_makes_up_leave_no_entries_in_the_cache()
    {
        using var host = new DirectoryHost();
        host.WithSetting("RateLimits:Enabled", "false");
        var directory = host.Directory(TestKeys.Partner);
        await directory.ListContactsAsync(new ListContactsRequest());
        await directory.ListMemberStatesAsync(new ListMemberStatesRequest());
        var memory = host.Services.GetRequiredService<IMemoryCache>();
        var before = memory.GetCurrentStatistics()!.CurrentEntryCount;

        for (var i = 0; i < 200; i++)
        {
            // A token as the service makes them, after a key the caller chose.
            var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes($"v1:forged-{i}"));
            await directory.ListContactsAsync(new ListContactsRequest { PageToken = token });
            await directory.ListMemberStatesAsync(new ListMemberStatesRequest { PageToken = token });
        }

        Assert.InRange(memory.GetCurrentStatistics()!.CurrentEntryCount, 0, before + 5);
    }
}
