using System.ComponentModel;
using System.Text.Json.Serialization;

namespace TocMesh.Treaty.Domain;

/// <summary>
/// Every instrument and every action in effect (withdrawn ones left out), held in memory so that status
/// on any date is computed, never stored. Immutable once built, so the cache may share one instance.
/// </summary>
[ImmutableObject(true)]
public sealed class TreatySnapshot(List<Instrument> instruments, List<ActionFact> actions, List<StatusStatement> statements, List<DataCaveat> caveats)
{
    private Indexes? _indexes;

    public List<Instrument> Instruments { get; } = instruments;

    public List<ActionFact> Actions { get; } = actions;

    public List<StatusStatement> Statements { get; } = statements;

    public List<DataCaveat> Caveats { get; } = caveats;

    [JsonIgnore]
    public IReadOnlyDictionary<string, Instrument> InstrumentsById => Index.InstrumentsById;

    /// <summary>Instruments in the order reports list them (that of instruments.csv).</summary>
    [JsonIgnore]
    public IReadOnlyList<Instrument> ReportOrder => Index.ReportOrder;

    private Indexes Index => _indexes ??= new Indexes(this);

    public bool HasProtocols(string instrumentId) => Index.Parents.Contains(instrumentId);

    public IReadOnlyList<ActionFact> ActionsOf(string instrumentId, string stateCode) =>
        Index.Actions.TryGetValue((instrumentId, stateCode), out var list) ? list : [];

    public IEnumerable<string> CaveatsOf(string instrumentId, string stateCode) =>
        Index.Caveats.TryGetValue((instrumentId, stateCode), out var list) ? list : [];

    /// <summary>The state's standing on the instrument at the end of <paramref name="asOf"/>; null when it had done nothing by then.</summary>
    public Standing? StandingOf(Instrument instrument, string stateCode, DateOnly asOf)
    {
        var actions = ActionsOf(instrument.Id, stateCode);
        if (actions.Count == 0 || actions[0].Date > asOf)
        {
            return null;
        }

        DateOnly? signedOn = null;
        DateOnly? denouncedOn = null;
        ActionFact? consent = null;
        var reservations = new List<string>();
        var declarations = new List<string>();
        foreach (var a in actions)
        {
            if (a.Date > asOf)
            {
                break;
            }

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

        DateOnly? entersIntoForce = consent is null ? null : instrument.EntryIntoForceFor(consent.Date);
        return new Standing(
            stateCode, instrument.Id, signedOn, consent, entersIntoForce,
            EntryIntoForceUnknown: consent is not null && entersIntoForce is null,
            Party: entersIntoForce is { } eif && eif <= asOf,
            denouncedOn, [.. reservations], [.. declarations]);
    }

    public static IEnumerable<StateOnDate> InScope(IEnumerable<StateOnDate> states, ReportScopeKind scope) =>
        states.Where(s => scope == ReportScopeKind.AllMembers ? s.Member : s.Counted).OrderBy(s => s.Code, StringComparer.Ordinal);

    /// <summary>Per instrument, who in scope had ratified or acceded by the date, and the sentence.</summary>
    public RatificationReport Report(DateOnly asOf, ReportScopeKind scope, IReadOnlyList<StateOnDate> register, IReadOnlyList<Instrument> instruments)
    {
        var inScope = InScope(register, scope).ToList();
        var excluded = register.Where(s => !inScope.Contains(s)).OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => $"{s.Code}: {s.Participation}").ToArray();
        var tallies = new Tally[instruments.Count];
        for (var i = 0; i < instruments.Count; i++)
        {
            var instrument = instruments[i];
            var consented = new List<string>();
            var notConsented = new List<string>();
            var signedOnly = new List<string>();
            var caveats = new List<string>();
            foreach (var state in inScope)
            {
                var standing = StandingOf(instrument, state.Code, asOf);
                if (standing?.Consented == true)
                {
                    consented.Add(state.Code);
                }
                else
                {
                    notConsented.Add(state.Code);
                    if (standing?.SignedOn is not null)
                    {
                        signedOnly.Add(state.Code);
                    }
                }

                caveats.AddRange(CaveatsOf(instrument.Id, state.Code).Select(c => $"{state.Code}: {c}"));
            }

            if (!Index.InstrumentsWithActions.Contains(instrument.Id))
            {
                caveats.Insert(0, "No per-state data is recorded for this instrument: the count shows only what has been recorded.");
            }

            var sentence = CountInWords.RatificationSentence(consented.Count, i == 0, instrument.ReportName(HasProtocols(instrument.Id)));
            tallies[i] = new Tally(instrument, [.. consented], [.. notConsented], [.. signedOnly], sentence, [.. caveats]);
        }

        return new RatificationReport(asOf, scope, inScope.Count, excluded, tallies, CountInWords.Paragraph(tallies.Select(t => t.Sentence).ToList()));
    }

    public InstrumentStatus StatusOf(Instrument instrument, DateOnly asOf, ReportScopeKind scope, IReadOnlyList<StateOnDate> register)
    {
        var participants = InScope(register, scope).Select(s => StandingOf(instrument, s.Code, asOf)).OfType<Standing>().ToArray();
        return new InstrumentStatus(
            instrument, asOf, scope, participants,
            participants.Count(p => p.SignedOn is not null), participants.Count(p => p.Consented), participants.Count(p => p.Party));
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

            var before = scopeFrom.Where(s => StandingOf(instrument, s.Code, from)?.Consented == true).Select(s => s.Code).ToHashSet();
            var after = scopeTo.Where(s => StandingOf(instrument, s.Code, to)?.Consented == true).Select(s => s.Code).ToHashSet();
            counts.Add(new CountChange(
                instrument.Id, before.Count, after.Count,
                [.. after.Except(before).Order(StringComparer.Ordinal)], [.. before.Except(after).Order(StringComparer.Ordinal)]));
        }

        return new StatusComparison(from, to, scope,
            [.. changes.OrderBy(c => c.Date).ThenBy(c => c.StateCode, StringComparer.Ordinal).ThenBy(c => c.InstrumentId, StringComparer.Ordinal).ThenBy(c => c.Kind)],
            [.. counts]);
    }

    private sealed class Indexes
    {
        public Indexes(TreatySnapshot snapshot)
        {
            InstrumentsById = snapshot.Instruments.ToDictionary(i => i.Id, StringComparer.Ordinal);
            Parents = snapshot.Instruments.Where(i => i.ParentId is not null).Select(i => i.ParentId!).ToHashSet(StringComparer.Ordinal);
            Actions = snapshot.Actions.GroupBy(a => (a.InstrumentId, a.StateCode))
                .ToDictionary(g => g.Key, g => TreatyRules.Ordered(g).ToList());
            InstrumentsWithActions = snapshot.Actions.Select(a => a.InstrumentId).ToHashSet(StringComparer.Ordinal);
            Caveats = snapshot.Caveats.GroupBy(c => (c.InstrumentId, c.StateCode)).ToDictionary(g => g.Key, g => g.Select(c => c.Text).ToList());
            // The order of instruments.csv: each convention followed by its protocols.
            var order = snapshot.Instruments.OrderBy(i => i.Position).ThenBy(i => i.Id, StringComparer.Ordinal).ToList();
            ReportOrder = order;
        }

        public Dictionary<string, Instrument> InstrumentsById { get; }

        public HashSet<string> Parents { get; }

        public HashSet<string> InstrumentsWithActions { get; }

        public Dictionary<(string, string), List<ActionFact>> Actions { get; }

        public Dictionary<(string, string), List<string>> Caveats { get; }

        public List<Instrument> ReportOrder { get; }

    }
}
