using Grpc.Core;
using TocMesh.Meetings.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;

namespace TocMesh.Meetings.Tests;

public class DocumentTests
{
    protected virtual DatabaseProvider Provider => DatabaseProvider.Sqlite;

    private static RegisterDocumentRequest Register(string symbol, string title = "Status of ratifications", string requestId = "", string meetingId = "gtdot-ii") => new()
    {
        Document = new Document { Symbol = new DocumentSymbol { Normalized = symbol }, Title = title, MeetingId = meetingId },
        RequestId = requestId,
    };

    [Fact]
    public async Task Parsing_a_symbol_over_the_contract_gives_its_parts()
    {
        using var host = new MeetingsHost(provider: Provider);
        var parsed = (await host.Meetings().ParseDocumentSymbolAsync(new ParseDocumentSymbolRequest { Symbol = "ag/res. 2490 (xxxix-o/09)" })).Symbol;

        Assert.Equal("AG/RES. 2490 (XXXIX-O/09)", parsed.Normalized);
        Assert.Equal((SymbolKind.Resolution, 2490, 39, AssemblySessionKind.Regular, 2009), (parsed.Kind, parsed.Number, parsed.Session, parsed.SessionKind, parsed.Year));
    }

    [Fact]
    public async Task A_malformed_symbol_is_invalid_argument_saying_where()
    {
        using var host = new MeetingsHost(provider: Provider);
        var badRequest = await RpcAssert.InvalidArgumentAsync(
            () => host.Meetings().ParseDocumentSymbolAsync(new ParseDocumentSymbolRequest { Symbol = "GT/DOT-II/doc.5/2009" }).ResponseAsync, "symbol");

        Assert.StartsWith("at character 17", Assert.Single(badRequest.FieldViolations).Description);
    }

    [Fact]
    public async Task The_seed_documents_are_found_under_any_spelling_with_their_base()
    {
        using var host = new MeetingsHost(provider: Provider);
        var document = (await host.Meetings().GetDocumentAsync(new GetDocumentRequest { Symbol = "gt/dot-ii/doc.5/09 corr.1" })).Document;

        Assert.Equal("documents/GT/DOT-II/doc.5/09 corr. 1", document.Name);
        Assert.Equal("GT/DOT-II/doc.5/09", document.Symbol.BaseSymbol);
        Assert.False(document.BaseRegistered);
        Assert.Equal(DocumentContent.RatificationStatus, document.Content);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => host.Meetings().GetDocumentAsync(new GetDocumentRequest { Symbol = "GT/DOT-II/doc.5/09" }).ResponseAsync);
    }

    [Fact]
    public async Task Registering_a_base_links_it_to_its_corrigendum_and_the_next_read_sees_it()
    {
        using var host = new MeetingsHost(provider: Provider);
        var secretariat = host.Meetings(TestKeys.Secretariat);
        await host.Meetings().GetDocumentAsync(new GetDocumentRequest { Symbol = "GT/DOT-II/doc.5/09 corr. 1" });

        var registered = (await secretariat.RegisterDocumentAsync(Register("GT/DOT-II/doc.5/09", requestId: "r-1"))).Document;
        await secretariat.RegisterDocumentAsync(Register("GT/DOT-II/doc.5/09 rev. 1", requestId: "r-2"));
        await secretariat.RegisterDocumentAsync(Register("GT/DOT-II/doc.5/09 rev. 1 corr. 1", requestId: "r-3"));

        Assert.Equal(["GT/DOT-II/doc.5/09 corr. 1"], registered.Amendments);
        var original = (await host.Meetings().GetDocumentAsync(new GetDocumentRequest { Symbol = "documents/GT/DOT-II/doc.5/09" })).Document;
        Assert.Equal(["GT/DOT-II/doc.5/09 corr. 1", "GT/DOT-II/doc.5/09 rev. 1", "GT/DOT-II/doc.5/09 rev. 1 corr. 1"], original.Amendments);
        var revision = (await host.Meetings().GetDocumentAsync(new GetDocumentRequest { Symbol = "GT/DOT-II/doc.5/09 rev. 1" })).Document;
        Assert.Equal(["GT/DOT-II/doc.5/09 rev. 1 corr. 1"], revision.Amendments);
        Assert.True((await host.Meetings().GetDocumentAsync(new GetDocumentRequest { Symbol = "GT/DOT-II/doc.5/09 corr. 1" })).Document.BaseRegistered);

        var family = await host.Meetings().ListDocumentsAsync(new ListDocumentsRequest { BaseSymbol = "GT/DOT-II/doc.5/09 corr. 1", PageSize = 2 });
        Assert.Equal(2, family.Documents.Count);
        var rest = await host.Meetings().ListDocumentsAsync(new ListDocumentsRequest { BaseSymbol = "GT/DOT-II/doc.5/09", PageSize = 2, PageToken = family.NextPageToken });
        Assert.Equal(4, family.Documents.Count + rest.Documents.Count);
        Assert.Equal("", rest.NextPageToken);
    }

    [Fact]
    public async Task A_registration_retried_with_its_request_id_registers_once()
    {
        using var host = new MeetingsHost(provider: Provider);
        var secretariat = host.Meetings(TestKeys.Secretariat);

        var first = (await secretariat.RegisterDocumentAsync(Register("GT/DOT-II/doc.11/09", "Draft report", "same-request"))).Document;
        var retry = (await secretariat.RegisterDocumentAsync(Register("gt/dot-ii/doc.11/09", "Draft report", "same-request"))).Document;

        Assert.Equal(first.Etag, retry.Etag);
        await RpcAssert.ThrowsAsync(StatusCode.AlreadyExists, () => secretariat.RegisterDocumentAsync(Register("GT/DOT-II/doc.11/09", "Draft report", "another-request")).ResponseAsync);
        await RpcAssert.InvalidArgumentAsync(() => secretariat.RegisterDocumentAsync(Register("GT/DOT-II/doc.12/09", "Other", "same-request")).ResponseAsync, "request_id");
    }

    [Fact]
    public async Task Only_the_secretariat_registers_documents()
    {
        using var host = new MeetingsHost(provider: Provider);

        await RpcAssert.ThrowsAsync(StatusCode.Unauthenticated, () => host.Meetings().RegisterDocumentAsync(Register("GT/DOT-II/doc.11/09")).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.PermissionDenied, () => host.Meetings(TestKeys.Partner).RegisterDocumentAsync(Register("GT/DOT-II/doc.11/09")).ResponseAsync);
        await RpcAssert.ThrowsAsync(StatusCode.NotFound, () => host.Meetings().GetDocumentAsync(new GetDocumentRequest { Symbol = "GT/DOT-II/doc.11/09" }).ResponseAsync);
    }

    [Fact]
    public async Task A_bad_registration_names_every_faulty_field_and_writes_nothing()
    {
        using var host = new MeetingsHost(provider: Provider);
        var secretariat = host.Meetings(TestKeys.Secretariat);

        var badRequest = await RpcAssert.InvalidArgumentAsync(
            () => secretariat.RegisterDocumentAsync(Register("GT/DOT-II/doc.11/9", "", meetingId: "Not A Meeting")).ResponseAsync,
            "document.symbol.normalized", "document.title", "document.meeting_id");
        Assert.Contains("at character 18", badRequest.FieldViolations.Single(v => v.Field == "document.symbol.normalized").Description);
        await RpcAssert.InvalidArgumentAsync(() => secretariat.RegisterDocumentAsync(Register("GT/DOT-II/doc.11/09", meetingId: "gtdot-ix")).ResponseAsync, "document.meeting_id");

        Assert.Equal(8, (await host.Meetings().ListDocumentsAsync(new ListDocumentsRequest { PageSize = 100 })).Documents.Count);
    }
}

public sealed class DocumentTestsOnPostgres : DocumentTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
