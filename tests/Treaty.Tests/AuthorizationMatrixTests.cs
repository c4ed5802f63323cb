using Google.Protobuf.WellKnownTypes;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;
using static TocMesh.TestSupport.AuthorizationMatrix;

namespace TocMesh.Treaty.Tests;

/// <summary>
/// Who may write what in the Treaty service: the Secretariat records, corrects and withdraws treaty
/// actions and imports the reference data; a state's editor records its own legislation and status
/// statements; a partner writes nothing; every write needs a key; a refused write changes nothing.
/// </summary>
public sealed class AuthorizationMatrixTests(TreatyFixture fixture) : IClassFixture<TreatyFixture>
{
    public static TheoryData<string, Writer> Matrix() => Cells(TreatyService.Descriptor);

    private TreatyService.TreatyServiceClient Secretariat => fixture.Host.Treaty(TestKeys.Secretariat);

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_write_is_allowed_only_to_the_callers_it_is_for(string method, Writer writer)
    {
        var client = (string? key) => fixture.Host.Treaty(key);
        var requestId = $"matrix-{method}-{writer}";
        switch (method)
        {
            case nameof(TreatyService.TreatyServiceClient.RecordTreatyAction):
                await CheckAsync(WriteRule.SecretariatOnly, writer,
                    key => client(key).RecordTreatyActionAsync(new RecordTreatyActionRequest
                    {
                        RequestId = requestId, StateCode = State, InstrumentId = "cifta", Kind = TreatyActionKind.Accession, DepositDate = D.Ate(1998, 6, 1), Source = "matrix",
                    }).ResponseAsync,
                    () => ActionsAsync(State, "cifta"));
                break;

            case nameof(TreatyService.TreatyServiceClient.CorrectTreatyAction):
            {
                var target = await ReferenceActionAsync(State, _ => true);
                await CheckAsync(WriteRule.SecretariatOnly, writer,
                    key => client(key).CorrectTreatyActionAsync(new CorrectTreatyActionRequest
                    {
                        TreatyAction = new TreatyAction { Name = target.Name, Note = $"checked ({writer})" },
                        UpdateMask = FieldMask.FromString("note"),
                        Reason = "checked against the depositary's notification",
                        Etag = target.Etag,
                    }).ResponseAsync,
                    async () => (await Secretariat.GetTreatyActionAsync(new GetTreatyActionRequest { Name = target.Name })).ToString());
                break;
            }

            case nameof(TreatyService.TreatyServiceClient.WithdrawTreatyAction):
            {
                // A consent nothing else rests on: not a signature (a ratification follows it), not the parent convention (its protocols need it).
                var target = await ReferenceActionAsync("URY", a => a.Kind != TreatyActionKind.Signature && a.InstrumentId != "untoc");
                await CheckAsync(WriteRule.SecretariatOnly, writer,
                    key => client(key).WithdrawTreatyActionAsync(new WithdrawTreatyActionRequest { Name = target.Name, Etag = target.Etag, Reason = "recorded twice" }).ResponseAsync,
                    () => ActionsAsync("URY", target.InstrumentId));
                break;
            }

            case nameof(TreatyService.TreatyServiceClient.RecordLegislation):
                await CheckAsync(WriteRule.StateEditorOrSecretariat, writer,
                    key => client(key).RecordLegislationAsync(new RecordLegislationRequest
                    {
                        RequestId = requestId,
                        Legislation = new Legislation
                        {
                            StateCode = State,
                            Title = $"Law on the control of firearms ({writer})",
                            Kind = LegislationKind.Law,
                            Status = LegislationStatus.Enacted,
                            EnactedOn = new Google.Type.Date { Year = 2009, Month = 6 },
                            Topics = { "firearms" },
                        },
                    }).ResponseAsync,
                    async () => (await Secretariat.ListLegislationAsync(new ListLegislationRequest { StateCode = State, PageSize = 100 })).ToString());
                break;

            case nameof(TreatyService.TreatyServiceClient.RecordStatusStatement):
                await CheckAsync(WriteRule.StateEditorOrSecretariat, writer,
                    key => client(key).RecordStatusStatementAsync(new RecordStatusStatementRequest
                    {
                        RequestId = requestId,
                        Statement = new StatusStatement { StateCode = State, MadeOn = D.Meeting, Text = $"Mexico reported progress ({writer}).", InstrumentIds = { "cifta" } },
                    }).ResponseAsync,
                    async () => (await Secretariat.GetStateStatusAsync(new GetStateStatusRequest { StateCode = State, AsOf = D.Meeting })).ToString());
                break;

            case nameof(TreatyService.TreatyServiceClient.ImportReferenceData):
                // The fixture imported the reference data on start: a second import is allowed but finds nothing to change.
                await CheckAsync(WriteRule.SecretariatOnly, writer,
                    key => client(key).ImportReferenceDataAsync(new ImportReferenceDataRequest()).ResponseAsync,
                    () => ActionsAsync(State, ""),
                    changesWhenAllowed: false);
                break;

            default:
                Assert.Fail($"{method} is a write of the Treaty service without a row in its authorization matrix.");
                break;
        }
    }

    [Fact]
    public void The_matrix_covers_every_write_of_the_contract()
    {
        Assert.Equal(
            ["CorrectTreatyAction", "ImportReferenceData", "RecordLegislation", "RecordStatusStatement", "RecordTreatyAction", "WithdrawTreatyAction"],
            WriteMethods(TreatyService.Descriptor));
    }

    private async Task<string> ActionsAsync(string state, string instrument) =>
        (await Secretariat.ListTreatyActionsAsync(new ListTreatyActionsRequest { StateCode = state, InstrumentId = instrument, IncludeWithdrawn = true, PageSize = 100 })).ToString();

    private async Task<TreatyAction> ReferenceActionAsync(string state, Func<TreatyAction, bool> fits) =>
        (await Secretariat.ListTreatyActionsAsync(new ListTreatyActionsRequest { StateCode = state, PageSize = 100 })).TreatyActions.First(fits);
}
