using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
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
        Assert.Contains(untoc, f => f is { StateCode: "BRB", InstrumentId: "untoc", Rule: "LATER_ACTION_NOT_IN_DATA" });
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
            Assert.Equal(254, actionCount); // every signature and consent in the two status files

            var again = await treaty.ImportReferenceDataAsync(new ImportReferenceDataRequest());
            Assert.Equal((6, 175, 0, 0, actionCount, findingCount), (again.Instruments, again.RowsRead, again.ActionsCreated, again.ActionsUpdated, again.ActionsUnchanged, again.Findings));

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
