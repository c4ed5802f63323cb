using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>
/// Who may write what: every write needs a key; the Secretariat writes everything; a state editor
/// writes its own state's records only; a partner reads (personal data included) but never writes.
/// </summary>
public sealed class AuthorizationMatrixTests(DirectoryFixture fixture) : IClassFixture<DirectoryFixture>
{
    public enum Write
    {
        CreateContact,
        UpdateContact,
        RetireContact,
        OpenChangeRequest,
    }

    public static TheoryData<Write, string?, StatusCode> Matrix()
    {
        var data = new TheoryData<Write, string?, StatusCode>();
        foreach (var write in Enum.GetValues<Write>())
        {
            data.Add(write, null, StatusCode.Unauthenticated);
            data.Add(write, TestKeys.Partner, StatusCode.PermissionDenied);
            data.Add(write, TestKeys.MexicoEditor, StatusCode.OK);
            data.Add(write, TestKeys.PeruEditor, StatusCode.PermissionDenied);
            data.Add(write, TestKeys.Secretariat, StatusCode.OK);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task A_write_on_a_mexican_record_is_allowed_only_to_the_secretariat_and_mexicos_editor(Write write, string? apiKey, StatusCode expected)
    {
        // Each case works on a contact of its own, recorded by the Secretariat.
        var target = await fixture.Host.Directory(TestKeys.Secretariat).CreateAsync(PointOfContact("MEX", ContactRole.Courses));
        var client = fixture.Host.Directory(apiKey);
        Func<Task> call = write switch
        {
            Write.CreateContact => () => client.CreateContactAsync(new CreateContactRequest { Contact = PointOfContact("MEX", ContactRole.Courses) }).ResponseAsync,
            Write.UpdateContact => () => client.UpdateContactAsync(new UpdateContactRequest
            {
                Contact = new Contact { Name = target.Name, Etag = target.Etag, Office = "Changed office" },
                UpdateMask = Mask("office"),
            }).ResponseAsync,
            Write.RetireContact => () => client.RetireContactAsync(new RetireContactRequest { Name = target.Name, Etag = target.Etag }).ResponseAsync,
            Write.OpenChangeRequest => () => client.OpenChangeRequestAsync(new OpenChangeRequestRequest
            {
                ChangeRequest = new ChangeRequest { StateCode = "MEX", Role = ContactRole.Courses, Description = "New course contact announced" },
            }).ResponseAsync,
            _ => throw new ArgumentOutOfRangeException(nameof(write)),
        };

        var revisionsBefore = (await fixture.Host.Directory(TestKeys.Secretariat).GetContactHistoryAsync(new GetContactHistoryRequest { Name = target.Name })).Revisions.Count;
        if (expected == StatusCode.OK)
        {
            await call();
            if (write is Write.UpdateContact or Write.RetireContact)
            {
                var history = await fixture.Host.Directory(TestKeys.Secretariat).GetContactHistoryAsync(new GetContactHistoryRequest { Name = target.Name });
                Assert.Equal(revisionsBefore + 1, history.Revisions.Count);
                Assert.Equal(apiKey == TestKeys.MexicoEditor ? "Mexico, Ministry of Foreign Affairs" : "OAS General Secretariat", history.Revisions[^1].ChangedBy);
            }
        }
        else
        {
            await RpcAssert.ThrowsAsync(expected, call);
            var history = await fixture.Host.Directory(TestKeys.Secretariat).GetContactHistoryAsync(new GetContactHistoryRequest { Name = target.Name });
            Assert.Equal(revisionsBefore, history.Revisions.Count);
        }
    }

    [Fact]
    public void The_matrix_covers_every_write_of_the_contract()
    {
        Assert.Equal(Enum.GetNames<Write>().Order(StringComparer.Ordinal), AuthorizationMatrix.WriteMethods(DirectoryService.Descriptor));
    }

    [Fact]
    public async Task An_unknown_key_is_unauthenticated_for_a_write()
    {
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated,
            () => fixture.Host.Directory("not-a-key").CreateContactAsync(new CreateContactRequest { Contact = PointOfContact("MEX") }).ResponseAsync);
    }

    [Fact]
    public async Task Anonymous_writes_are_refused_before_the_input_is_even_read()
    {
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated,
            () => fixture.Host.Directory().CreateContactAsync(new CreateContactRequest { Contact = new Contact() }).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated,
            () => fixture.Host.Directory().UpdateContactAsync(new UpdateContactRequest { Contact = new Contact { Name = "nonsense" } }).ResponseAsync);
    }
}
