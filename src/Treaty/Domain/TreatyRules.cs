namespace TocMesh.Treaty.Domain;

/// <summary>
/// The rules a state's treaty actions must keep, checked over its whole history (so a correction or a
/// withdrawal that would leave another action invalid is caught too).
/// </summary>
public static class TreatyRules
{
    public const string BeforeAdoption = "BEFORE_ADOPTION";
    public const string SignatureWindowClosed = "SIGNATURE_WINDOW_CLOSED";
    public const string AlreadySigned = "ALREADY_SIGNED";
    public const string SignatureRequired = "SIGNATURE_REQUIRED";
    public const string AccessionBySignatory = "ACCESSION_BY_SIGNATORY";
    public const string AlreadyConsented = "ALREADY_CONSENTED";
    public const string ProtocolRequiresParent = "PROTOCOL_REQUIRES_PARENT";
    public const string DenunciationWithoutConsent = "DENUNCIATION_WITHOUT_CONSENT";

    /// <summary>Every breach in the actions of one state (all instruments), in date order.</summary>
    public static List<RuleBreach> Validate(IReadOnlyDictionary<string, Instrument> instruments, IEnumerable<ActionFact> stateActions)
    {
        var byInstrument = stateActions.GroupBy(a => a.InstrumentId).ToDictionary(g => g.Key, g => Ordered(g).ToList());
        var breaches = new List<RuleBreach>();
        foreach (var (instrumentId, actions) in byInstrument)
        {
            if (!instruments.TryGetValue(instrumentId, out var instrument))
            {
                continue;
            }

            var parentActions = instrument.ParentId is { } parentId && byInstrument.TryGetValue(parentId, out var p) ? p : [];
            CheckHistory(instrument, actions, parentActions, breaches);
        }

        return breaches;
    }

    /// <summary>Signature first, then consents, then denunciations, on the same day.</summary>
    public static IEnumerable<ActionFact> Ordered(IEnumerable<ActionFact> actions) =>
        actions.OrderBy(a => a.Date).ThenBy(a => a.Kind == ActionKind.Signature ? 0 : a.Kind == ActionKind.Denunciation ? 2 : 1).ThenBy(a => a.Id);

    /// <summary>The consent in effect at the end of <paramref name="date"/>, if any (actions ordered).</summary>
    public static ActionFact? ConsentInEffect(IEnumerable<ActionFact> orderedActions, DateOnly date)
    {
        ActionFact? consent = null;
        foreach (var a in orderedActions)
        {
            if (a.Date > date)
            {
                break;
            }

            if (a.Kind.IsConsent())
            {
                consent ??= a;
            }
            else if (a.Kind == ActionKind.Denunciation)
            {
                consent = null;
            }
        }

        return consent;
    }

    private static void CheckHistory(Instrument instrument, List<ActionFact> actions, List<ActionFact> parentActions, List<RuleBreach> breaches)
    {
        ActionFact? signature = null;
        ActionFact? consent = null;
        foreach (var a in actions)
        {
            void Breach(string rule, string description) => breaches.Add(new RuleBreach(rule, a.Id, a.StateCode, a.InstrumentId, description));

            var earliest = a.ActDate is { } act && act < a.Date ? act : a.Date;
            if (earliest < instrument.Adopted)
            {
                Breach(BeforeAdoption, $"A {a.Kind.Describe()} dated {earliest:yyyy-MM-dd} precedes the adoption of {instrument.ShortName} on {instrument.Adopted:yyyy-MM-dd}.");
            }

            switch (a.Kind)
            {
                case ActionKind.Signature:
                    if (instrument.SignatureClosed is { } closed && a.Date > closed)
                    {
                        Breach(SignatureWindowClosed, $"{instrument.ShortName} was open for signature until {closed:yyyy-MM-dd}; a signature on {a.Date:yyyy-MM-dd} is too late (a state may accede instead).");
                    }

                    if (signature is not null)
                    {
                        Breach(AlreadySigned, $"{a.StateCode} had already signed {instrument.ShortName} on {signature.Date:yyyy-MM-dd}.");
                    }

                    signature ??= a;
                    break;

                case ActionKind.Denunciation:
                    if (consent is null)
                    {
                        Breach(DenunciationWithoutConsent, $"{a.StateCode} had no consent to {instrument.ShortName} in effect to denounce on {a.Date:yyyy-MM-dd}.");
                    }

                    consent = null;
                    break;

                default:
                    if (a.Kind.NeedsSignature() && (signature is null || signature.Date > a.ActOrDeposit))
                    {
                        Breach(SignatureRequired, signature is null
                            ? $"A {a.Kind.Describe()} follows a signature, and {a.StateCode} has no signature of {instrument.ShortName}; a state that did not sign accedes."
                            : $"The {a.Kind.Describe()} dated {a.ActOrDeposit:yyyy-MM-dd} precedes {a.StateCode}'s signature of {signature.Date:yyyy-MM-dd}.");
                    }

                    if (a.Kind == ActionKind.Accession && signature is not null && signature.Date <= a.Date)
                    {
                        Breach(AccessionBySignatory, $"{a.StateCode} signed {instrument.ShortName} on {signature.Date:yyyy-MM-dd}; a signatory consents by ratification, acceptance or approval, not accession.");
                    }

                    if (consent is not null)
                    {
                        Breach(AlreadyConsented, $"{a.StateCode} had already consented to {instrument.ShortName} ({consent.Kind.Describe()} deposited {consent.Date:yyyy-MM-dd}) and has not denounced it.");
                    }

                    if (instrument.ParentId is { } parentId && ConsentInEffect(parentActions, a.Date) is null)
                    {
                        Breach(ProtocolRequiresParent, $"Only a party to the parent convention ({parentId}) may become a party to {instrument.ShortName}: {a.StateCode} had no consent to it in effect on {a.Date:yyyy-MM-dd} (art. 37(2); a same-day deposit is valid).");
                    }

                    consent ??= a;
                    break;
            }
        }
    }
}
