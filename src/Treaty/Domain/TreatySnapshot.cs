using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TocMesh.Treaty.Domain;

/// <summary>
/// Every instrument, every action in effect (withdrawn ones left out) and every piece of status
/// evidence, held in memory so that status on any date is computed, never stored. Immutable once
/// built, so the cache may share one instance.
/// </summary>
[ImmutableObject(true)]
public sealed class TreatySnapshot(
    List<Instrument> instruments, List<ActionFact> actions, List<StatusStatement> statements, List<DataCaveat> caveats, List<StatusEvidence> evidence)
{
    private SnapshotIndex? _index;

    public List<Instrument> Instruments { get; } = instruments;

    public List<ActionFact> Actions { get; } = actions;

    public List<StatusStatement> Statements { get; } = statements;

    public List<DataCaveat> Caveats { get; } = caveats;

    public List<StatusEvidence> Evidence { get; } = evidence;

    [JsonIgnore]
    public IReadOnlyDictionary<string, Instrument> InstrumentsById => Index.InstrumentsById;

    /// <summary>Instruments in the order reports list them (that of instruments.csv).</summary>
    [JsonIgnore]
    public IReadOnlyList<Instrument> ReportOrder => Index.ReportOrder;

    private SnapshotIndex Index => _index ??= new SnapshotIndex(this);

    public bool HasProtocols(string instrumentId) => Index.Parents.Contains(instrumentId);

    public IReadOnlyList<ActionFact> ActionsOf(string instrumentId, string stateCode) =>
        Index.Actions.TryGetValue((instrumentId, stateCode), out var list) ? list : [];

    /// <summary>The caveats of one state (or, with "", of the whole instrument).</summary>
    public IEnumerable<DataCaveat> CaveatsOf(string instrumentId, string stateCode) =>
        Index.Caveats.TryGetValue((instrumentId, stateCode), out var list) ? list : [];

    public IReadOnlyList<StatusEvidence> EvidenceOf(string instrumentId, string stateCode) =>
        Index.Evidence.TryGetValue((instrumentId, stateCode), out var e) ? e.All : [];

    /// <summary>
    /// The state's standing on the instrument at the end of <paramref name="asOf"/>: from its dated
    /// actions, or, where they show no consent, from evidence that it had consented by then. Null when
    /// nothing is recorded of it by then (which is not "no action": see <see cref="IsRecorded"/>).
    /// </summary>
    public Standing? StandingOf(Instrument instrument, string stateCode, DateOnly asOf)
    {
        var actions = ActionsOf(instrument.Id, stateCode);
        var consentedBy = Index.Evidence.TryGetValue((instrument.Id, stateCode), out var e) && e.ConsentedBy is { } by && by <= asOf ? by : (DateOnly?)null;
        if ((actions.Count == 0 || actions[0].Date > asOf) && consentedBy is null)
        {
            return null;
        }

        DateOnly? signedOn = null;
        DateOnly? denouncedOn = null;
        ActionFact? consent = null;
        var reservations = new List<string>();
        var declarations = new List<string>();
        foreach (var a in actions.TakeWhile(a => a.Date <= asOf))
        {
            switch (a.Kind)
            {
                case ActionKind.Signature:
                    signedOn ??= a.Date;
                    break;
                case ActionKind.Denunciation:
                    consent = null;
                    denouncedOn = a.Date;
                    break;
                default:
                    if (consent is null)
                    {
                        consent = a;
                        denouncedOn = null;
                    }

                    break;
            }

            reservations.AddRange(a.Reservations);
            declarations.AddRange(a.Declarations);
        }

        // Evidence stands only where the dated actions show no consent, and no denunciation after it.
        if (consent is not null || (denouncedOn is { } d && consentedBy is { } c && d >= c))
        {
            consentedBy = null;
        }

        if (consentedBy is { } undated)
        {
            // In force for the state on the day computed from the evidence's date at the latest.
            var latest = instrument.EntryIntoForceFor(undated);
            return new Standing(
                stateCode, instrument.Id, signedOn, null, null, EntryIntoForceUnknown: true, Party: latest is { } l && l <= asOf,
                denouncedOn, [.. reservations], [.. declarations], undated);
        }

        DateOnly? entersIntoForce = consent is null ? null : instrument.EntryIntoForceFor(consent.Date);
        return new Standing(
            stateCode, instrument.Id, signedOn, consent, entersIntoForce,
            EntryIntoForceUnknown: consent is not null && entersIntoForce is null,
            Party: entersIntoForce is { } eif && eif <= asOf,
            denouncedOn, [.. reservations], [.. declarations]);
    }

    /// <summary>
    /// Whether the data records if the state had consented at the end of <paramref name="asOf"/>: it
    /// had (by a dated action or evidence), or a status table or a statement covers the date, or a
    /// consent deposited later shows there was none in effect on it. Otherwise its status is unknown,
    /// and it is counted neither way.
    /// </summary>
    public bool IsRecorded(Instrument instrument, string stateCode, DateOnly asOf, Standing? standing)
    {
        if (standing?.Consented == true)
        {
            return true;
        }

        if (Index.Evidence.TryGetValue((instrument.Id, stateCode), out var e) && e.KnownThrough >= asOf)
        {
            return true;
        }

        return ActionsOf(instrument.Id, stateCode).Any(a => a.Kind.IsConsent() && a.Date > asOf);
    }

    public static IEnumerable<StateOnDate> InScope(IEnumerable<StateOnDate> states, ReportScopeKind scope) =>
        states.Where(s => scope == ReportScopeKind.AllMembers ? s.Member : s.Counted).OrderBy(s => s.Code, StringComparer.Ordinal);

    /// <summary>Per instrument, who in scope had ratified or acceded by the date, whose status is not recorded, and the sentence.</summary>
    public RatificationReport Report(DateOnly asOf, ReportScopeKind scope, IReadOnlyList<StateOnDate> register, IReadOnlyList<Instrument> instruments)
    {
        var inScope = InScope(register, scope).ToList();
        var excluded = register.Where(s => !inScope.Contains(s)).OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => $"{s.Code}: {s.Participation}").ToArray();
        var tallies = instruments.Select((instrument, i) => TallyOf(instrument, asOf, inScope, first: i == 0)).ToArray();
        return new RatificationReport(
            asOf, scope, inScope.Count, ScopeDescription.Of(scope, register), excluded, tallies, CountInWords.Paragraph(tallies.Select(t => t.Sentence).ToList()));
    }

    public InstrumentStatus StatusOf(Instrument instrument, DateOnly asOf, ReportScopeKind scope, IReadOnlyList<StateOnDate> register)
    {
        var states = InScope(register, scope).Select(s => (s.Code, Standing: StandingOf(instrument, s.Code, asOf))).ToList();
        var unknown = states.Where(s => !IsRecorded(instrument, s.Code, asOf, s.Standing)).Select(s => s.Code).ToArray();
        var participants = states.Select(s => s.Standing).OfType<Standing>().ToArray();
        var coverage = new Coverage(states.Count, unknown);
        var consented = participants.Count(p => p.Consented);
        return new InstrumentStatus(
            instrument, asOf, scope, ScopeDescription.Of(scope, register), participants,
            participants.Count(p => p.SignedOn is not null), consented, participants.Count(p => p.Party), coverage,
            RatificationSentences.Report(consented, coverage, first: true, instrument.ReportName(HasProtocols(instrument.Id))));
    }

    /// <summary>What changed after the end of <paramref name="from"/> up to the end of <paramref name="to"/>.</summary>
    public StatusComparison Compare(
        DateOnly from, DateOnly to, ReportScopeKind scope, IReadOnlyList<StateOnDate> registerFrom, IReadOnlyList<StateOnDate> registerTo,
        IReadOnlyList<Instrument> instruments, string? stateCode)
    {
        bool Wanted(StateOnDate s) => stateCode is null || s.Code == stateCode;
        var scopeTo = InScope(registerTo, scope).Where(Wanted).ToList();
        var scopeFrom = InScope(registerFrom, scope).Where(Wanted).ToList();
        var changes = new List<StatusChangeItem>();
        var counts = new List<CountChange>();
        foreach (var instrument in instruments)
        {
            foreach (var state in scopeTo)
            {
                foreach (var a in ActionsOf(instrument.Id, state.Code).Where(a => a.Date > from && a.Date <= to))
                {
                    changes.Add(a.Kind switch
                    {
                        ActionKind.Signature => new StatusChangeItem(state.Code, instrument.Id, ChangeKind.Signed, a.Date, null),
                        ActionKind.Denunciation => new StatusChangeItem(state.Code, instrument.Id, ChangeKind.Denounced, a.Date, null),
                        _ => new StatusChangeItem(state.Code, instrument.Id, ChangeKind.Consented, a.Date, a.Kind),
                    });
                }

                if (StandingOf(instrument, state.Code, to) is { EntersIntoForceOn: { } eif } && eif > from && eif <= to)
                {
                    changes.Add(new StatusChangeItem(state.Code, instrument.Id, ChangeKind.EnteredIntoForce, eif, null));
                }
            }

            var (before, unknownFrom) = Consents(instrument, from, scopeFrom);
            var (after, unknownTo) = Consents(instrument, to, scopeTo);
            var coverageFrom = new Coverage(scopeFrom.Count, unknownFrom);
            var coverageTo = new Coverage(scopeTo.Count, unknownTo);
            counts.Add(new CountChange(
                instrument.Id, before.Count, after.Count,
                [.. after.Except(before).Except(unknownFrom).Order(StringComparer.Ordinal)],
                [.. before.Except(after).Except(unknownTo).Order(StringComparer.Ordinal)],
                coverageFrom, coverageTo,
                RatificationSentences.Comparison(from, before.Count, coverageFrom, to, after.Count, coverageTo, instrument.ReportName(HasProtocols(instrument.Id)))));
        }

        return new StatusComparison(from, to, scope,
            [.. changes.OrderBy(c => c.Date).ThenBy(c => c.StateCode, StringComparer.Ordinal).ThenBy(c => c.InstrumentId, StringComparer.Ordinal).ThenBy(c => c.Kind)],
            [.. counts]);
    }

    /// <summary>One instrument's tally over the states in scope; instrument-wide caveats come first.</summary>
    private Tally TallyOf(Instrument instrument, DateOnly asOf, List<StateOnDate> inScope, bool first)
    {
        var consented = new List<string>();
        var undated = new List<string>();
        var notConsented = new List<string>();
        var signedOnly = new List<string>();
        var unknown = new List<string>();
        var caveats = CaveatsOf(instrument.Id, "").Select(c => c.Text).ToList();
        foreach (var state in inScope)
        {
            var standing = StandingOf(instrument, state.Code, asOf);
            if (standing?.Consented == true)
            {
                consented.Add(state.Code);
                if (standing.Consent is null)
                {
                    undated.Add(state.Code);
                }
            }
            else if (!IsRecorded(instrument, state.Code, asOf, standing))
            {
                unknown.Add(state.Code);
            }
            else
            {
                notConsented.Add(state.Code);
                if (standing?.SignedOn is not null)
                {
                    signedOnly.Add(state.Code);
                }
            }

            caveats.AddRange(CaveatsOf(instrument.Id, state.Code).Select(c => $"{state.Code}: {c.Text}"));
        }

        var coverage = new Coverage(inScope.Count, [.. unknown]);
        var sentence = RatificationSentences.Report(consented.Count, coverage, first, instrument.ReportName(HasProtocols(instrument.Id)));
        return new Tally(instrument, [.. consented], [.. undated], [.. notConsented], [.. signedOnly], coverage, sentence, [.. caveats]);
    }

    /// <summary>Who in <paramref name="states"/> had consented at the end of the day, and whose status is not recorded.</summary>
    private (HashSet<string> Consented, string[] Unknown) Consents(Instrument instrument, DateOnly date, List<StateOnDate> states)
    {
        var consented = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<string>();
        foreach (var state in states)
        {
            var standing = StandingOf(instrument, state.Code, date);
            if (standing?.Consented == true)
            {
                consented.Add(state.Code);
            }
            else if (!IsRecorded(instrument, state.Code, date, standing))
            {
                unknown.Add(state.Code);
            }
        }

        return (consented, [.. unknown]);
    }
}
