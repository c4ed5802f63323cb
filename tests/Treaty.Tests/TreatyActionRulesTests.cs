using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

/// <summary>The treaty rules, each as a write the service accepts or refuses. Each test uses its own state and instrument.</summary>
public class TreatyActionRulesTests(TreatyFixture fixture) : IClassFixture<TreatyFixture>
{
    private TreatyService.TreatyServiceClient Secretariat => fixture.Host.Treaty(TestKeys.Secretariat);

    private static RecordTreatyActionRequest Action(string state, string instrument, TreatyActionKind kind, Google.Type.Date? act = null, Google.Type.Date? deposit = null) =>
        new() { StateCode = state, InstrumentId = instrument, Kind = kind, ActDate = act, DepositDate = deposit, Source = "test" };

    private async Task<TreatyAction> RecordAsync(RecordTreatyActionRequest request) => (await Secretariat.RecordTreatyActionAsync(request)).TreatyAction;

    private async Task<PreconditionFailure.Types.Violation> RefusedAsync(RecordTreatyActionRequest request, string rule)
    {
        var e = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Secretariat.RecordTreatyActionAsync(request).ResponseAsync);
        var violation = Assert.Single(e.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations);
        Assert.Equal(rule, violation.Type);
        return violation;
    }

    private async Task<int> CountAsync(string state, string instrument) =>
        (await Secretariat.ListTreatyActionsAsync(new ListTreatyActionsRequest { StateCode = state, InstrumentId = instrument, IncludeWithdrawn = true })).TreatyActions.Count;

    [Fact]
    public async Task A_protocol_needs_the_state_to_be_party_to_the_convention_by_then_and_a_same_day_deposit_is_valid()
    {
        // Saint Lucia deposited its ratification of the Convention on 2013-07-16.
        var violation = await RefusedAsync(Action("LCA", "untoc-som", TreatyActionKind.Accession, deposit: D.Ate(2012, 5, 1)), "PROTOCOL_REQUIRES_PARENT");
        Assert.Equal("states/LCA/instruments/untoc-som", violation.Subject);
        Assert.Equal(0, await CountAsync("LCA", "untoc-som"));

        var sameDay = await RecordAsync(Action("LCA", "untoc-som", TreatyActionKind.Accession, deposit: D.Ate(2013, 7, 16)));
        Assert.Equal("2013-07-16", sameDay.DepositDate.Text());
    }

    [Fact]
    public async Task Ratification_follows_a_signature_and_accession_needs_none()
    {
        // States with no CIFTA data of their own: nothing recorded stands in the way but the rule.
        await RefusedAsync(Action("DOM", "cifta", TreatyActionKind.Ratification, deposit: D.Ate(1999, 1, 1)), "SIGNATURE_REQUIRED");
        await RecordAsync(Action("TTO", "cifta", TreatyActionKind.Signature, act: D.Ate(1998, 1, 10)));
        await RefusedAsync(Action("TTO", "cifta", TreatyActionKind.Ratification, act: D.Ate(1997, 12, 1), deposit: D.Ate(1998, 2, 1)), "SIGNATURE_REQUIRED");
        await RecordAsync(Action("TTO", "cifta", TreatyActionKind.Ratification, act: D.Ate(1998, 1, 10), deposit: D.Ate(1998, 2, 1)));
        await RecordAsync(Action("KNA", "cifta", TreatyActionKind.Accession, deposit: D.Ate(2000, 1, 1)));
        Assert.Equal(0, await CountAsync("DOM", "cifta"));
    }

    [Fact]
    public async Task A_signatory_ratifies_rather_than_accedes()
    {
        await RecordAsync(Action("COL", "cifta", TreatyActionKind.Signature, act: D.Ate(1997, 11, 14)));
        await RefusedAsync(Action("COL", "cifta", TreatyActionKind.Accession, deposit: D.Ate(1999, 3, 1)), "ACCESSION_BY_SIGNATORY");
    }

    [Fact]
    public async Task A_signature_after_the_signature_window_closed_is_refused()
    {
        var violation = await RefusedAsync(Action("DMA", "untoc", TreatyActionKind.Signature, act: D.Ate(2003, 1, 1)), "SIGNATURE_WINDOW_CLOSED");
        Assert.Contains("2002-12-12", violation.Description);
    }

    [Fact]
    public async Task Nothing_is_dated_before_the_instruments_adoption()
    {
        await RefusedAsync(Action("CAN", "cifta", TreatyActionKind.Signature, act: D.Ate(1997, 11, 13)), "BEFORE_ADOPTION");
    }

    [Fact]
    public async Task One_consent_per_state_and_instrument_unless_denounced()
    {
        await RefusedAsync(Action("ECU", "untoc", TreatyActionKind.Ratification, deposit: D.Ate(2005, 1, 1)), "ALREADY_CONSENTED");
        await RefusedAsync(Action("PRY", "cifta", TreatyActionKind.Denunciation, deposit: D.Ate(2001, 1, 1)), "DENUNCIATION_WITHOUT_CONSENT");

        await RecordAsync(Action("PER", "cifta", TreatyActionKind.Accession, deposit: D.Ate(1999, 1, 1)));
        await RefusedAsync(Action("PER", "cifta", TreatyActionKind.Accession, deposit: D.Ate(2000, 1, 1)), "ALREADY_CONSENTED");
        await RecordAsync(Action("PER", "cifta", TreatyActionKind.Denunciation, deposit: D.Ate(2001, 1, 1)));
        await RecordAsync(Action("PER", "cifta", TreatyActionKind.Accession, deposit: D.Ate(2002, 1, 1)));

        var status = (await Secretariat.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "PER", AsOf = D.Ate(2001, 6, 1) })).Instruments.Single(i => i.InstrumentId == "cifta");
        Assert.Equal("2001-01-01", status.DenouncedOn.Text());
        Assert.Null(status.ConsentedOn);
    }

    [Fact]
    public async Task Bad_input_is_invalid_argument_naming_every_field_and_nothing_is_written()
    {
        var badRequest = await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.RecordTreatyActionAsync(new RecordTreatyActionRequest { StateCode = "FRA", InstrumentId = "palermo", Source = "test" }).ResponseAsync,
            "state_code", "instrument_id", "kind");
        Assert.True(badRequest.FieldViolations.Count >= 3);

        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.RecordTreatyActionAsync(Action("GUY", "cifta", TreatyActionKind.Ratification, act: D.Ate(2004, 5, 1), deposit: D.Ate(2004, 4, 1))).ResponseAsync,
            "deposit_date");
        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.RecordTreatyActionAsync(Action("GUY", "cifta", TreatyActionKind.Accession, deposit: D.Ate(2999, 1, 1))).ResponseAsync,
            "deposit_date");
        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.RecordTreatyActionAsync(Action("GUY", "cifta", TreatyActionKind.Accession)).ResponseAsync,
            "deposit_date");
        await RpcAssert.InvalidArgumentAsync(
            () => Secretariat.RecordTreatyActionAsync(Action("GUY", "cifta", TreatyActionKind.Signature, deposit: D.Ate(2001, 1, 1))).ResponseAsync,
            "act_date");
        Assert.Equal(0, await CountAsync("GUY", "cifta"));
    }

    [Fact]
    public async Task Only_the_secretariat_records_treaty_actions()
    {
        var request = Action("JAM", "cifta", TreatyActionKind.Accession, deposit: D.Ate(2000, 1, 1));
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => fixture.Host.Treaty().RecordTreatyActionAsync(request).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => fixture.Host.Treaty(TestKeys.Partner).RecordTreatyActionAsync(request).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => fixture.Host.Treaty(TestKeys.MexicoEditor).RecordTreatyActionAsync(request).ResponseAsync);
        Assert.Equal(0, await CountAsync("JAM", "cifta"));
    }

    [Fact]
    public async Task A_retry_with_the_same_request_id_records_once()
    {
        var request = Action("BLZ", "cifta", TreatyActionKind.Accession, deposit: D.Ate(2001, 1, 1));
        request.RequestId = "blz-cifta-accession";
        var first = await RecordAsync(request);
        var retry = await RecordAsync(request);
        Assert.Equal(first.Name, retry.Name);
        Assert.Equal(1, await CountAsync("BLZ", "cifta"));

        var other = Action("BLZ", "cifta", TreatyActionKind.Accession, deposit: D.Ate(2001, 2, 2));
        other.RequestId = "blz-cifta-accession";
        await RpcAssert.InvalidArgumentAsync(() => Secretariat.RecordTreatyActionAsync(other).ResponseAsync, "request_id");
    }

    [Fact]
    public async Task A_correction_keeps_its_reason_in_the_history_and_is_refused_on_a_stale_etag_or_a_broken_rule()
    {
        var signature = await RecordAsync(Action("GTM", "cifta", TreatyActionKind.Signature, act: D.Ate(1997, 11, 14)));
        var ratification = await RecordAsync(Action("GTM", "cifta", TreatyActionKind.Ratification, act: D.Ate(2003, 1, 10), deposit: D.Ate(2003, 2, 1)));

        var corrected = (await Secretariat.CorrectTreatyActionAsync(new CorrectTreatyActionRequest
        {
            TreatyAction = new TreatyAction { Name = ratification.Name, DepositDate = D.Ate(2003, 2, 3) },
            UpdateMask = FieldMask.FromString("deposit_date"),
            Reason = "The depositary's notification gives February 3",
            Etag = ratification.Etag,
        })).TreatyAction;
        Assert.Equal("2003-02-03", corrected.DepositDate.Text());
        Assert.Equal(["RECORDED", "CORRECTED"], corrected.History.Select(h => h.Change));
        Assert.Equal("The depositary's notification gives February 3", corrected.History[1].Reason);
        Assert.Equal("deposit_date: 2003-02-01 -> 2003-02-03", corrected.History[1].Summary);
        Assert.Equal("OAS General Secretariat", corrected.History[1].ChangedBy);

        await RpcAssert.ThrowsAsync(StatusCode.Aborted, () => Secretariat.CorrectTreatyActionAsync(new CorrectTreatyActionRequest
        {
            TreatyAction = new TreatyAction { Name = ratification.Name, Note = "late" },
            UpdateMask = FieldMask.FromString("note"),
            Reason = "stale",
            Etag = ratification.Etag,
        }).ResponseAsync);

        // Moving the signature after the ratification would leave the ratification without one.
        var e = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition, () => Secretariat.CorrectTreatyActionAsync(new CorrectTreatyActionRequest
        {
            TreatyAction = new TreatyAction { Name = signature.Name, ActDate = D.Ate(2004, 1, 1) },
            UpdateMask = FieldMask.FromString("act_date"),
            Reason = "test",
        }).ResponseAsync);
        Assert.Equal("SIGNATURE_REQUIRED", e.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations[0].Type);

        await RpcAssert.InvalidArgumentAsync(() => Secretariat.CorrectTreatyActionAsync(new CorrectTreatyActionRequest
        {
            TreatyAction = new TreatyAction { Name = signature.Name, StateCode = "MEX" },
            UpdateMask = FieldMask.FromString("state_code"),
        }).ResponseAsync, "update_mask", "reason");
    }

    [Fact]
    public async Task A_withdrawal_is_kept_with_its_reason_and_refused_when_another_action_depends_on_it()
    {
        var signature = await RecordAsync(Action("SUR", "cifta", TreatyActionKind.Signature, act: D.Ate(1998, 3, 1)));
        var ratification = await RecordAsync(Action("SUR", "cifta", TreatyActionKind.Ratification, deposit: D.Ate(1999, 3, 1)));

        var e = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition,
            () => Secretariat.WithdrawTreatyActionAsync(new WithdrawTreatyActionRequest { Name = signature.Name, Reason = "test" }).ResponseAsync);
        Assert.Equal("SIGNATURE_REQUIRED", e.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations[0].Type);

        // Mexico's consent to the Convention carries its consents to the protocols.
        var mexico = (await Secretariat.ListTreatyActionsAsync(new ListTreatyActionsRequest { StateCode = "MEX", InstrumentId = "untoc" })).TreatyActions.Single(a => a.Kind == TreatyActionKind.Ratification);
        var parent = await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition,
            () => Secretariat.WithdrawTreatyActionAsync(new WithdrawTreatyActionRequest { Name = mexico.Name, Reason = "test" }).ResponseAsync);
        Assert.Equal("PROTOCOL_REQUIRES_PARENT", parent.GetRpcStatus()!.GetDetail<PreconditionFailure>()!.Violations[0].Type);

        var withdrawn = (await Secretariat.WithdrawTreatyActionAsync(new WithdrawTreatyActionRequest { Name = ratification.Name, Reason = "Recorded for the wrong state", Etag = ratification.Etag })).TreatyAction;
        Assert.True(withdrawn.Withdrawn);
        Assert.Equal(["RECORDED", "WITHDRAWN"], withdrawn.History.Select(h => h.Change));
        var kept = (await Secretariat.GetTreatyActionAsync(new GetTreatyActionRequest { Name = ratification.Name })).TreatyAction;
        Assert.Equal("Recorded for the wrong state", kept.WithdrawalReason);

        var status = (await Secretariat.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "SUR", AsOf = D.Ate(2005, 1, 1) })).Instruments.Single(i => i.InstrumentId == "cifta");
        Assert.Null(status.ConsentedOn);
        Assert.Equal("1998-03-01", status.SignedOn.Text());

        await RpcAssert.ThrowsAsync(StatusCode.FailedPrecondition,
            () => Secretariat.WithdrawTreatyActionAsync(new WithdrawTreatyActionRequest { Name = ratification.Name, Reason = "again" }).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound,
            () => Secretariat.WithdrawTreatyActionAsync(new WithdrawTreatyActionRequest { Name = "treatyActions/999999", Reason = "x" }).ResponseAsync);
    }

    [Fact]
    public async Task A_read_right_after_a_write_sees_it()
    {
        var reportRequest = new GetRatificationReportRequest { AsOf = D.Meeting, InstrumentIds = { "cifta" } };
        var before = (await Secretariat.GetRatificationReportAsync(reportRequest)).Tallies[0];
        Assert.DoesNotContain("HTI", before.ConsentedStateCodes);
        var stateBefore = await Secretariat.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "HTI", AsOf = D.Meeting });
        Assert.Null(stateBefore.Instruments.Single(i => i.InstrumentId == "cifta").ConsentedOn);
        var instrumentBefore = await Secretariat.GetInstrumentStatusAsync(new GetInstrumentStatusRequest { InstrumentId = "cifta", AsOf = D.Meeting });

        await RecordAsync(Action("HTI", "cifta", TreatyActionKind.Accession, deposit: D.Ate(2005, 1, 1)));

        var after = (await Secretariat.GetRatificationReportAsync(reportRequest)).Tallies[0];
        Assert.Contains("HTI", after.ConsentedStateCodes);
        Assert.Equal(before.ConsentedCount + 1, after.ConsentedCount);
        var stateAfter = await Secretariat.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "HTI", AsOf = D.Meeting });
        Assert.Equal("2005-01-01", stateAfter.Instruments.Single(i => i.InstrumentId == "cifta").ConsentedOn.Text());
        var instrumentAfter = await Secretariat.GetInstrumentStatusAsync(new GetInstrumentStatusRequest { InstrumentId = "cifta", AsOf = D.Meeting });
        Assert.Equal(instrumentBefore.ConsentedCount + 1, instrumentAfter.ConsentedCount);
    }
}

public sealed class TreatyActionRulesTestsOnPostgres(PostgresTreatyFixture fixture) : TreatyActionRulesTests(fixture), IClassFixture<PostgresTreatyFixture>;
