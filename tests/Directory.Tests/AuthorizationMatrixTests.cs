using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;
using static TocMesh.TestSupport.AuthorizationMatrix;

namespace TocMesh.Directory.Tests;

/// <summary>
/// Who may write what: every write needs a key; the Secretariat writes everything; a state editor
/// writes its own state's records only; a partner reads (personal data included) but never writes.
/// A refused write changes nothing it could have changed; an allowed one has its effect.
/// </summary>
public sealed class AuthorizationMatrixTests(DirectoryFixture fixture) : IClassFixture<DirectoryFixture>
{
    public static TheoryData<string, Writer> Matrix() => Cells(DirectoryService.Descriptor);

    private DirectoryService.DirectoryServiceClient Secretariat => fixture.Host.Directory(TestKeys.Secretariat);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_write_on_a_mexican_record_is_allowed_only_to_the_secretariat_and_mexicos_editor(string method, Writer writer)
    {
        var client = (string? key) => fixture.Host.Directory(key);
        switch (method)
        {
            case nameof(DirectoryService.DirectoryServiceClient.CreateContact):
                await CheckAsync(WriteRule.StateEditorOrSecretariat, writer,
                    key => client(key).CreateContactAsync(new CreateContactRequest
                    {
                        Contact = PointOfContact(State, ContactRole.Courses, institution: $"Course office ({writer})"),
                    }).ResponseAsync,
                    RecordsOfStateAsync);
                break;

            case nameof(DirectoryService.DirectoryServiceClient.UpdateContact):
            {
                // Each row works on a contact of its own, recorded by the Secretariat.
                var target = await Secretariat.CreateAsync(PointOfContact(State, ContactRole.Courses));
                await CheckAsync(WriteRule.StateEditorOrSecretariat, writer,
                    key => client(key).UpdateContactAsync(new UpdateContactRequest
                    {
                        Contact = new Contact { Name = target.Name, Etag = target.Etag, Office = $"Changed office ({writer})" },
                        UpdateMask = Mask("office"),
                    }).ResponseAsync,
                    () => ContactWithHistoryAsync(target.Name));
                break;
            }

            case nameof(DirectoryService.DirectoryServiceClient.RetireContact):
            {
                var target = await Secretariat.CreateAsync(PointOfContact(State, ContactRole.Courses));
                await CheckAsync(WriteRule.StateEditorOrSecretariat, writer,
                    key => client(key).RetireContactAsync(new RetireContactRequest { Name = target.Name, Etag = target.Etag }).ResponseAsync,
                    () => ContactWithHistoryAsync(target.Name));
                break;
            }

            case nameof(DirectoryService.DirectoryServiceClient.OpenChangeRequest):
                await CheckAsync(WriteRule.StateEditorOrSecretariat, writer,
                    key => client(key).OpenChangeRequestAsync(new OpenChangeRequestRequest
                    {
                        ChangeRequest = new ChangeRequest { StateCode = State, Role = ContactRole.Courses, Description = $"New course contact announced ({writer})" },
                    }).ResponseAsync,
                    RecordsOfStateAsync);
                break;

            default:
                Assert.Fail($"{method} is a write of the Directory without a row in its authorization matrix.");
                break;
        }
    }

    [Fact]
    public void The_matrix_covers_every_write_of_the_contract()
    {
        Assert.Equal(["CreateContact", "OpenChangeRequest", "RetireContact", "UpdateContact"], WriteMethods(DirectoryService.Descriptor));
    }

    [Fact]
    public async Task An_unknown_key_is_unauthenticated_for_a_write()
    {
        var before = await RecordsOfStateAsync();
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated,
            () => fixture.Host.Directory("not-a-key").CreateContactAsync(new CreateContactRequest { Contact = PointOfContact(State) }).ResponseAsync);
        Assert.Equal(before, await RecordsOfStateAsync());
    }

    [Fact]
    public async Task Anonymous_writes_are_refused_before_the_input_is_even_read()
    {
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated,
            () => fixture.Host.Directory().CreateContactAsync(new CreateContactRequest { Contact = new Contact() }).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated,
            () => fixture.Host.Directory().UpdateContactAsync(new UpdateContactRequest { Contact = new Contact { Name = "nonsense" } }).ResponseAsync);
    }

    /// <summary>
    /// Every contact of the state (retired ones too) and every change request of it: what a create
    /// could add to (a new contact resolves the state's requests for its role) and what opening a
    /// request could add to.
    /// </summary>
    private async Task<string> RecordsOfStateAsync() =>
        string.Join('\n', (await Secretariat.AllOfStateAsync(State)).Select(c => c.ToString()).Order(StringComparer.Ordinal)) + "\n"
        + await Secretariat.AllChangeRequestsAsync(State);

    /// <summary>The contact as it stands and every revision of it: what an update or a retirement could change.</summary>
    private async Task<string> ContactWithHistoryAsync(string name) =>
        (await Secretariat.GetContactAsync(new GetContactRequest { Name = name })).Contact + "\n"
        + (await Secretariat.GetContactHistoryAsync(new GetContactHistoryRequest { Name = name }));
}
