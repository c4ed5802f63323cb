using System.CommandLine;
using Spectre.Console;
using TocMesh.Cli.Hosting;
using TocMesh.Cli.Output;
using TocMesh.Treaty.V1;

namespace TocMesh.Cli.Commands;

/// <summary><c>status state|instrument</c>, <c>report ratification</c>, <c>import reference-data</c>: the Treaty service.</summary>
public static class TreatyCommands
{
    private static readonly Dictionary<string, ReportScope> Scopes = new()
    {
        ["counted"] = ReportScope.CountedMembers,
        ["all"] = ReportScope.AllMembers,
    };

    public static Command Status(CommandRunner runner)
    {
        var status = new Command("status", "Treaty status as of a date: of a member state, or of an instrument.");
        status.Subcommands.Add(StateStatus(runner));
        status.Subcommands.Add(InstrumentStatus(runner));
        return status;
    }

    public static Command Report(CommandRunner runner)
    {
        var report = new Command("report", "Reports as a meeting hears them.");
        var ratification = new Command("ratification", "Per instrument, how many member states had ratified or acceded as of a date, with the report's sentences.");
        var asOf = Dates.AsOfOption();
        var scope = ScopeOption();
        var instruments = new Option<string[]>("--instrument") { Description = "Only these instruments, e.g. untoc-tip (repeatable); every instrument when left out.", HelpName = "id" };
        ratification.Options.Add(asOf);
        ratification.Options.Add(scope);
        ratification.Options.Add(instruments);
        runner.Action(ratification, async (session, ct) =>
        {
            var request = new GetRatificationReportRequest { AsOf = Dates.ToProto(session.Parse.GetValue(asOf)), Scope = Scopes[session.Parse.GetValue(scope)!] };
            request.InstrumentIds.AddRange(session.Parse.GetValue(instruments) ?? []);
            var response = await session.Treaty().GetRatificationReportAsync(request, session.Call(ct));
            if (session.Json)
            {
                JsonOutput.Write(session.Terminal.Output, response);
                return ExitCodes.Ok;
            }

            session.Terminal.Output.WriteLine($"Ratification report as of {Dates.Text(response.AsOf)}, counting {ScopeOf(response.ScopeDescription, response.StatesInScope)}.");
            // Signed only and neither are the states recorded as such; a state whose status is not recorded is in the last column only.
            var table = Tables.New("Instrument", "Ratified or acceded", "Signed only", "Neither", "Status not recorded");
            foreach (var tally in response.Tallies)
            {
                table.Row(
                    $"{tally.Instrument.ShortName} ({tally.Instrument.Id})",
                    CoverageText.Count(tally.ConsentedCount, tally.Coverage),
                    Count(tally.SignedOnlyStateCodes.Count),
                    Count(tally.NotConsentedStateCodes.Count - tally.SignedOnlyStateCodes.Count),
                    Count(tally.Coverage?.UnknownCount ?? 0));
            }

            session.Terminal.Console.Write(table);
            session.Terminal.Output.WriteLine();
            foreach (var tally in response.Tallies)
            {
                session.Terminal.Output.WriteLine(tally.Sentence);
            }

            var unknown = response.Tallies.Where(t => t.Coverage?.UnknownCount > 0).ToList();
            if (unknown.Count > 0)
            {
                session.Terminal.Output.WriteLine();
                session.Terminal.Output.WriteLine("Status not recorded (counted neither as ratified nor as not):");
                unknown.ForEach(t => session.Terminal.Output.WriteLine($"  {t.Instrument.Id}: {string.Join(", ", t.Coverage.UnknownStateCodes)}"));
            }

            var caveats = response.Tallies.SelectMany(t => t.DataCaveats.Select(c => $"{t.Instrument.Id}: {c}")).ToList();
            if (caveats.Count > 0)
            {
                session.Terminal.Output.WriteLine();
                session.Terminal.Output.WriteLine("Data caveats:");
                caveats.ForEach(c => session.Terminal.Output.WriteLine($"  {c}"));
            }

            return ExitCodes.Ok;
        });
        report.Subcommands.Add(ratification);
        return report;
    }

    public static Command Import(CommandRunner runner)
    {
        var import = new Command("import", "Imports shipped with a service.");
        var referenceData = new Command("reference-data", "Imports Treaty's reference status tables again (idempotent). Needs a Secretariat key.");
        runner.Action(referenceData, async (session, ct) =>
        {
            var response = await session.Treaty().ImportReferenceDataAsync(new ImportReferenceDataRequest(), session.Call(ct));
            if (session.Json)
            {
                JsonOutput.Write(session.Terminal.Output, response);
                return ExitCodes.Ok;
            }

            var table = Tables.New("Reference data", "Count");
            table.Row("instruments", Count(response.Instruments));
            table.Row("status rows read", Count(response.RowsRead));
            table.Row("actions created", Count(response.ActionsCreated));
            table.Row("actions updated", Count(response.ActionsUpdated));
            table.Row("actions unchanged", Count(response.ActionsUnchanged));
            table.Row("actions kept as corrected by the Secretariat", Count(response.ActionsKeptAsCorrected));
            table.Row("data-quality findings", Count(response.Findings));
            session.Terminal.Console.Write(table);
            return ExitCodes.Ok;
        });
        import.Subcommands.Add(referenceData);
        return import;
    }

    private static Command StateStatus(CommandRunner runner)
    {
        var command = new Command("state", "Where a member state stood on each instrument as of a date.");
        var state = new Argument<string>("state") { Description = "ISO 3166-1 alpha-3 code of a member state, e.g. MEX." };
        var asOf = Dates.AsOfOption();
        command.Arguments.Add(state);
        command.Options.Add(asOf);
        runner.Action(command, async (session, ct) =>
        {
            var treaty = session.Treaty();
            var response = await treaty.GetStateStatusAsync(
                new GetStateStatusRequest { StateCode = session.Parse.GetValue(state)!, AsOf = Dates.ToProto(session.Parse.GetValue(asOf)) }, session.Call(ct));
            if (session.Json)
            {
                JsonOutput.Write(session.Terminal.Output, response);
                return ExitCodes.Ok;
            }

            var names = await InstrumentNamesAsync(treaty, session, ct);
            session.Terminal.Output.WriteLine($"{response.StateCode} as of {Dates.Text(response.AsOf)}");
            var table = Tables.New("Instrument", "Signed", "Consent", "Deposited", "In force for the state", "Party", "Notes");
            foreach (var status in response.Instruments)
            {
                table.Row(
                    names.GetValueOrDefault(status.InstrumentId, status.InstrumentId),
                    Dates.Text(status.SignedOn),
                    Consent(status),
                    Deposited(status),
                    InForce(status),
                    Party(status),
                    Notes(status));
            }

            session.Terminal.Console.Write(table);
            var evidence = response.Instruments.SelectMany(i => i.Evidence.Where(e => e.Kind != StatusEvidenceKind.TableComplete).Select(e => (i.InstrumentId, e))).ToList();
            if (evidence.Count > 0)
            {
                session.Terminal.Output.WriteLine();
                session.Terminal.Output.WriteLine("Published evidence without the state's own dates:");
                evidence.ForEach(x => session.Terminal.Output.WriteLine(
                    $"  {x.InstrumentId}: {x.e.Status} ({(x.e.AsOfText.Length > 0 ? x.e.AsOfText : Dates.Text(x.e.AsOf))}), {x.e.Source}"));
            }

            foreach (var statement in response.Statements)
            {
                session.Terminal.Output.WriteLine();
                session.Terminal.Output.WriteLine($"Said on {Dates.Text(statement.MadeOn)} ({statement.Source}): {statement.Text}");
                if (statement.Note.Length > 0)
                {
                    session.Terminal.Output.WriteLine($"  Note: {statement.Note}");
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command InstrumentStatus(CommandRunner runner)
    {
        var command = new Command("instrument", "An instrument's signatories and parties as of a date, with their counts.");
        var instrument = new Argument<string>("instrument") { Description = "Instrument id, e.g. untoc, untoc-tip, untoc-som, untoc-firearms, a-55." };
        var asOf = Dates.AsOfOption();
        var scope = ScopeOption();
        command.Arguments.Add(instrument);
        command.Options.Add(asOf);
        command.Options.Add(scope);
        runner.Action(command, async (session, ct) =>
        {
            var response = await session.Treaty().GetInstrumentStatusAsync(new GetInstrumentStatusRequest
            {
                InstrumentId = session.Parse.GetValue(instrument)!,
                AsOf = Dates.ToProto(session.Parse.GetValue(asOf)),
                Scope = Scopes[session.Parse.GetValue(scope)!],
            }, session.Call(ct));
            if (session.Json)
            {
                JsonOutput.Write(session.Terminal.Output, response);
                return ExitCodes.Ok;
            }

            var coverage = response.Coverage;
            session.Terminal.Output.WriteLine(
                $"{response.Instrument.ShortName} ({response.Instrument.Id}) as of {Dates.Text(response.AsOf)}, counting {ScopeOf(response.ScopeDescription, coverage?.StatesInScope ?? 0)}: " +
                (coverage?.Level == CoverageLevel.None
                    ? "no count."
                    : $"{CoverageText.Count(response.SignatoryCount, coverage)} {(response.SignatoryCount == 1 ? "signatory" : "signatories")}, "
                        + $"{CoverageText.Count(response.ConsentedCount, coverage)} ratified or acceded, "
                        + $"{CoverageText.Count(response.PartyCount, coverage)} {(response.PartyCount == 1 ? "party" : "parties")}."));
            if (coverage is not null)
            {
                session.Terminal.Output.WriteLine(Capitalized(CoverageText.Summary(coverage)) + ".");
            }

            if (response.Sentence.Length > 0)
            {
                session.Terminal.Output.WriteLine(response.Sentence);
            }

            var table = Tables.New("State", "Signed", "Consent", "Deposited", "In force for the state", "Party", "Notes");
            foreach (var participant in response.Participants)
            {
                var status = participant.Status;
                table.Row(participant.StateCode, Dates.Text(status.SignedOn), Consent(status), Deposited(status), InForce(status), Party(status), Notes(status));
            }

            session.Terminal.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<string> ScopeOption()
    {
        var scope = new Option<string>("--scope")
        {
            Description = "counted: every member state except one whose government did not take part in the organization at all on the date (Cuba); a suspended member is counted (the meetings' scope). all: every member state.",
            DefaultValueFactory = _ => "counted",
        };
        scope.AcceptOnlyFromAmong([.. Scopes.Keys]);
        return scope;
    }

    private static async Task<Dictionary<string, string>> InstrumentNamesAsync(TreatyService.TreatyServiceClient treaty, Session session, CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var token = "";
        do
        {
            var page = await treaty.ListInstrumentsAsync(new ListInstrumentsRequest { PageSize = 100, PageToken = token }, session.Call(ct));
            foreach (var instrument in page.Instruments)
            {
                names[instrument.Id] = $"{instrument.ShortName} ({instrument.Id})";
            }

            token = page.NextPageToken;
        }
        while (token.Length > 0);

        return names;
    }

    /// <summary>The scope as the service names it; the number in scope when it names none.</summary>
    private static string ScopeOf(string description, int statesInScope) =>
        description.Length > 0 ? description : $"{CoverageText.Number(statesInScope)} member states";

    private static string Capitalized(string summary) => summary.Length == 0 ? summary : char.ToUpperInvariant(summary[0]) + summary[1..];

    private static string Consent(StateInstrumentStatus status) =>
        status.ConsentedBy is not null ? "listed as ratified" : status.ConsentKind.Words();

    private static string Deposited(StateInstrumentStatus status) =>
        status.ConsentedBy is not null ? $"on or before {Dates.Text(status.ConsentedBy)}" : Dates.Text(status.ConsentedOn);

    private static string Party(StateInstrumentStatus status) =>
        status.Party ? "yes"
        : status.StatusUnknown ? "not recorded"
        : status.EntryIntoForceUnknown ? "not computable"
        : "no";

    private static string InForce(StateInstrumentStatus status) =>
        status.ConsentedBy is not null ? "date not recorded"
        : status.PartySince is not null ? Dates.Text(status.PartySince)
        : status.EntersIntoForceOn is not null ? $"from {Dates.Text(status.EntersIntoForceOn)}"
        : status.EntryIntoForceUnknown ? "not computable"
        : "";

    private static string Notes(StateInstrumentStatus status)
    {
        var notes = new List<string>();
        if (status.DenouncedOn is not null)
        {
            notes.Add($"denounced {Dates.Text(status.DenouncedOn)}");
        }

        if (status.Reservations.Count > 0)
        {
            notes.Add($"{status.Reservations.Count} reservation(s)");
        }

        if (status.Declarations.Count > 0)
        {
            notes.Add($"{status.Declarations.Count} declaration(s)");
        }

        notes.AddRange(status.PendingDomesticProcedures.Select(p => $"pending: {p.Title}"));
        notes.AddRange(status.DataCaveats);
        return string.Join("; ", notes.Select(n => n.TrimEnd('.')));
    }

    private static string Count(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
