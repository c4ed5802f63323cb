using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using TocMesh.Treaty.Data;
using TocMesh.Treaty.V1;

namespace TocMesh.Treaty.Tests;

public class ReferenceImportTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static async Task<List<DataQualityFinding>> FindingsAsync(TreatyService.TreatyServiceClient treaty, string sourceFile = "")
    {
        var all = new List<DataQualityFinding>();
        var request = new ListDataQualityFindingsRequest { SourceFile = sourceFile, PageSize = 10 };
        do
        {
            var page = await treaty.ListDataQualityFindingsAsync(request);
            all.AddRange(page.Findings);
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");

        return all;
    }

    [Fact]
    public async Task Rows_that_break_the_rules_as_published_are_imported_and_listed_as_findings()
    {
        using var host = new TreatyHost(provider: Provider);
        var treaty = host.Treaty();
        var findings = await FindingsAsync(treaty, "oas_a55_status.csv");

        Assert.Contains(findings, f => f is { StateCode: "CAN", Rule: "SIGNATURE_REQUIRED", Severity: FindingSeverity.Error, Line: 9 } && f.Description.Contains("1996-05-29"));
        Assert.Contains(findings, f => f is { StateCode: "COL", Rule: "SIGNATURE_REQUIRED" });
        Assert.Contains(findings, f => f is { StateCode: "TTO", Rule: "SIGNATURE_REQUIRED" });
        Assert.Contains(findings, f => f is { StateCode: "ARG", Rule: "ACCESSION_BY_SIGNATORY" });
        Assert.Contains(findings, f => f is { StateCode: "USA", Rule: "TRUNCATED_VALUE", Severity: FindingSeverity.Warning });
        Assert.Contains(findings, f => f is { StateCode: "BHS", Rule: "TWO_DIGIT_YEAR", Severity: FindingSeverity.Info });
        Assert.Equal(["CUB", "URY", "VEN"], findings.Where(f => f.Rule == "DATA_GAP").Select(f => f.StateCode).Order());
        Assert.All(findings, f => Assert.Equal("a-55", f.InstrumentId));

        // Imported as published all the same.
        var canada = (await treaty.ListTreatyActionsAsync(new ListTreatyActionsRequest { StateCode = "CAN", InstrumentId = "a-55" })).TreatyActions;
        Assert.Contains(canada, a => a.Kind == TreatyActionKind.Ratification && a.ActDate.Text() == "1996-05-29" && a.Origin == TreatyActionOrigin.Imported);

        var untoc = await FindingsAsync(treaty, "untoc_oas_status.csv");
        Assert.Contains(untoc, f => f is { StateCode: "BRB", InstrumentId: "untoc", Rule: "LATER_SOURCE_DATE", Severity: FindingSeverity.Info } && f.Description.Contains("2024-05-04"));
        Assert.Equal(["untoc-firearms", "untoc-som", "untoc-tip"],
            untoc.Where(f => f is { StateCode: "BRB", Rule: "LATER_ACTION_NOT_IN_DATA", Severity: FindingSeverity.Warning }).Select(f => f.InstrumentId).Order());
        Assert.DoesNotContain(untoc, f => f.Severity == FindingSeverity.Error);
    }

    [Fact]
    public async Task The_import_is_idempotent_survives_a_restart_and_leaves_the_secretariats_corrections_alone()
    {
        string folder;
        string directoryFolder;
        int actionCount;
        int findingCount;
        using (var first = new TreatyHost(provider: Provider))
        {
            folder = first.DataFolder;
            directoryFolder = first.Directory.DataFolder;
            var treaty = first.Treaty(TestKeys.Secretariat);
            actionCount = await CountActionsAsync(treaty);
            findingCount = (await FindingsAsync(treaty)).Count;
            // Every signature and consent of the three status files, and the one signature the evidence dates.
            Assert.Equal(260, actionCount);

            var again = await treaty.ImportReferenceDataAsync(new ImportReferenceDataRequest());
            Assert.Equal((6, 233, 0, 0, actionCount, findingCount), (again.Instruments, again.RowsRead, again.ActionsCreated, again.ActionsUpdated, again.ActionsUnchanged, again.Findings));
            // A row of each complete table that is not a gap (140 + 32), and each row of status_evidence.csv (53).
            Assert.Equal(225, again.Evidence);

            var canada = (await treaty.ListTreatyActionsAsync(new ListTreatyActionsRequest { StateCode = "CAN", InstrumentId = "a-55" })).TreatyActions
                .Single(a => a.Kind == TreatyActionKind.Signature);
            await treaty.CorrectTreatyActionAsync(new CorrectTreatyActionRequest
            {
                TreatyAction = new TreatyAction { Name = canada.Name, Note = "signature date checked against the depositary's original" },
                UpdateMask = FieldMask.FromString("note"),
                Reason = "checked",
            });
        }

        using var second = new TreatyHost(new DirectoryDependency(directoryFolder), folder, Provider);
        var restarted = second.Treaty(TestKeys.Secretariat);
        Assert.Equal(actionCount, await CountActionsAsync(restarted));
        var third = await restarted.ImportReferenceDataAsync(new ImportReferenceDataRequest());
        Assert.Equal((0, 0, 1), (third.ActionsCreated, third.ActionsUpdated, third.ActionsKeptAsCorrected));
        Assert.Equal(findingCount, (await FindingsAsync(restarted)).Count);
        Assert.Equal(8, (await restarted.ListLegislationAsync(new ListLegislationRequest { PageSize = 100 })).Legislation.Count);
    }

    [Fact]
    public async Task Every_row_of_the_new_files_that_is_not_a_dated_action_has_a_finding_and_each_list_above_the_dated_count_too()
    {
        using var host = new TreatyHost(provider: Provider);
        var treaty = host.Treaty();

        var evidence = await FindingsAsync(treaty, "status_evidence.csv");
        Assert.Equal(Enumerable.Range(2, 53), evidence.Select(f => f.Line).Distinct().Order());
        Assert.Equal(16, evidence.Count(f => f is { Rule: "MONTH_ONLY_DATE" } && f.Description.Contains("2002-02-28")));
        Assert.Contains(evidence, f => f is { StateCode: "VEN", InstrumentId: "a-55", Rule: "UNDATED_CONSENT" });
        Assert.Contains(evidence, f => f is { StateCode: "BRA", InstrumentId: "cifta", Rule: "EVIDENCE_AGREES" });
        Assert.Contains(evidence, f => f is { StateCode: "URY", InstrumentId: "a-55", Rule: "NOT_CONSENTED_AS_OF" } && f.Description.Contains("signature of 1993-01-22 is imported"));
        Assert.Contains(evidence, f => f is { StateCode: "CAN", Rule: "NOT_CONSENTED_AS_OF" } && f.Description.Contains("signed in 1997"));
        var lists = evidence.Where(f => f.Rule == "COUNT_BELOW_EVIDENCE").ToList();
        Assert.Equal(3, lists.Count);
        Assert.All(lists, f => Assert.Equal(("", "cifta", FindingSeverity.Warning), (f.StateCode, f.InstrumentId, f.Severity)));
        Assert.Contains(lists, f => f.Description.Contains("give 3 member state(s) as having ratified CIFTA (ARG, BRA, CHL)") && f.Description.Contains("names 21"));

        var cifta = await FindingsAsync(treaty, "cifta_status.csv");
        Assert.Equal(["CAN", "USA"], cifta.Where(f => f is { Rule: "UNDATED_ROW", Severity: FindingSeverity.Warning }).Select(f => f.StateCode).Order());
        Assert.Equal(["BRA", "CHL"], cifta.Where(f => f.Rule == "SIGNATURE_NOT_STATED").Select(f => f.StateCode).Order());
        Assert.DoesNotContain(cifta, f => f.Severity == FindingSeverity.Error);
        var argentina = Assert.Single((await treaty.ListTreatyActionsAsync(new ListTreatyActionsRequest { StateCode = "ARG", InstrumentId = "cifta" })).TreatyActions,
            a => a.Kind == TreatyActionKind.Ratification);
        Assert.Equal("2001-10-09", argentina.DepositDate.Text());
        Assert.StartsWith("Reservation", Assert.Single(argentina.Reservations));

        var instruments = Assert.Single(await FindingsAsync(treaty, "instruments.csv"));
        Assert.Equal(("a-55", "ENTRY_INTO_FORCE_RULE_NOT_RECORDED", FindingSeverity.Warning), (instruments.InstrumentId, instruments.Rule, instruments.Severity));
    }

    [Fact]
    public async Task A_database_from_before_the_new_reference_data_picks_it_up_on_start_and_keeps_what_the_secretariat_recorded()
    {
        string folder;
        string directoryFolder;
        using (var first = new TreatyHost(provider: Provider))
        {
            folder = first.DataFolder;
            directoryFolder = first.Directory.DataFolder;
            var treaty = first.Treaty(TestKeys.Secretariat);
            await treaty.ListInstrumentsAsync(new ListInstrumentsRequest());

            // The database as the import of the earlier files left it: no evidence, no CIFTA rows, no
            // Barbados ratification, and the A-55 information column read as declarations or reservations.
            using (var scope = first.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<TreatyDbContext>();
                db.StatusEvidence.RemoveRange(await db.StatusEvidence.ToListAsync());
                db.TreatyActions.RemoveRange(await db.TreatyActions
                    .Where(a => a.ImportKey!.StartsWith("cifta_status.csv/") || a.ImportKey!.StartsWith("status_evidence.csv/") || a.ImportKey == "untoc_oas_status.csv/BRB/untoc/consent")
                    .ToListAsync());
                foreach (var consent in await db.TreatyActions.Where(a => a.ImportKey!.StartsWith("oas_a55_status.csv/") && a.ImportKey!.EndsWith("/consent")).ToListAsync())
                {
                    consent.Declarations = consent.Declarations.Count == 0 ? [] : ["Declarations or reservations made (their text is in the depositary's status table)."];
                }

                await db.SaveChangesAsync();
            }

            // Meanwhile the Secretariat recorded Barbados's ratification and a CIFTA accession itself.
            await treaty.RecordTreatyActionAsync(new RecordTreatyActionRequest
            {
                StateCode = "BRB", InstrumentId = "untoc", Kind = TreatyActionKind.Ratification, DepositDate = D.Ate(2014, 11, 11), Source = "UNTC notification",
            });
            await treaty.RecordTreatyActionAsync(new RecordTreatyActionRequest
            {
                StateCode = "DOM", InstrumentId = "cifta", Kind = TreatyActionKind.Accession, DepositDate = D.Ate(2005, 6, 1), Source = "depositary notification",
            });
        }

        using var second = new TreatyHost(new DirectoryDependency(directoryFolder), folder, Provider);
        var restarted = second.Treaty(TestKeys.Secretariat);

        var cifta = Assert.Single((await restarted.GetRatificationReportAsync(new GetRatificationReportRequest { AsOf = D.Meeting, InstrumentIds = { "cifta" } })).Tallies);
        Assert.Equal(22, cifta.ConsentedCount); // the 21 of the 2004 list, and the accession recorded
        Assert.Contains("DOM", cifta.ConsentedStateCodes);
        Assert.Equal(CoverageLevel.Partial, cifta.Coverage.Level);

        // Barbados's ratification is the Secretariat's record, not doubled by the new row.
        var barbados = (await restarted.ListTreatyActionsAsync(new ListTreatyActionsRequest { StateCode = "BRB", InstrumentId = "untoc" })).TreatyActions;
        Assert.Equal([TreatyActionOrigin.Recorded], barbados.Where(a => a.Kind != TreatyActionKind.Signature).Select(a => a.Origin));
        Assert.Contains(await FindingsAsync(restarted, "untoc_oas_status.csv"), f => f is { StateCode: "BRB", InstrumentId: "untoc", Rule: "ALREADY_RECORDED" });

        var mexico = (await restarted.ListTreatyActionsAsync(new ListTreatyActionsRequest { StateCode = "MEX", InstrumentId = "a-55" })).TreatyActions.Single(a => a.Kind == TreatyActionKind.Ratification);
        Assert.StartsWith("Information required by the treaty supplied", Assert.Single(mexico.Declarations));
        Assert.Equal("REIMPORTED", mexico.History[^1].Change);

        var venezuela = (await restarted.GetStateStatusAsync(new GetStateStatusRequest { StateCode = "VEN", AsOf = D.Meeting })).Instruments.Single(i => i.InstrumentId == "a-55");
        Assert.Equal("2001-06-05", venezuela.ConsentedBy.Text());
    }

    [Fact]
    public async Task Only_the_secretariat_may_run_the_import()
    {
        using var host = new TreatyHost(provider: Provider);
        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => host.Treaty().ImportReferenceDataAsync(new ImportReferenceDataRequest()).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => host.Treaty(TestKeys.PeruEditor).ImportReferenceDataAsync(new ImportReferenceDataRequest()).ResponseAsync);
    }

    private static async Task<int> CountActionsAsync(TreatyService.TreatyServiceClient treaty)
    {
        var count = 0;
        var request = new ListTreatyActionsRequest { PageSize = 100 };
        do
        {
            var page = await treaty.ListTreatyActionsAsync(request);
            count += page.TreatyActions.Count;
            request.PageToken = page.NextPageToken;
        }
        while (request.PageToken != "");

        return count;
    }
}

public sealed class ReferenceImportTestsOnPostgres : ReferenceImportTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
