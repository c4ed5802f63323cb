using TocMesh.ServiceDefaults.Errors;

namespace TocMesh.ServiceDefaults.Auth;

/// <summary>
/// Who is calling: a partner agency identified by its API key, another TocMesh service identified by
/// its own key, or an anonymous reader. Roles: <c>partner</c> (may read personal contact data),
/// <c>state-editor:XXX</c> (may write that state's records, and read its personal contact data,
/// only), <c>secretariat</c> (may write everything), <c>service</c> (another TocMesh service: reads
/// what anonymous callers read, under its own quota, and writes nothing).
/// </summary>
public sealed record Caller(string? Agency, IReadOnlySet<string> Roles)
{
    public const string PartnerRole = "partner";
    public const string SecretariatRole = "secretariat";
    public const string StateEditorPrefix = "state-editor:";
    public const string ServiceRole = "service";

    public static readonly Caller Anonymous = new(null, new HashSet<string>());

    public bool IsAnonymous => Agency is null;

    public bool IsSecretariat => Roles.Contains(SecretariatRole);

    /// <summary>Another TocMesh service calling with its own key (agency <c>service:&lt;name&gt;</c>).</summary>
    public bool IsService => Roles.Contains(ServiceRole);

    // An anonymous caller (no roles) builds no role name: every cached contact read asks.
    public bool IsEditorOf(string stateCode) => Roles.Count > 0 && Roles.Contains(StateEditorPrefix + stateCode.ToUpperInvariant());

    public IEnumerable<string> EditedStates =>
        Roles.Where(r => r.StartsWith(StateEditorPrefix, StringComparison.Ordinal)).Select(r => r[StateEditorPrefix.Length..]);

    /// <summary>
    /// Personal contact data (person, title, e-mail, phone) of <paramref name="stateCode"/>'s contacts:
    /// for partners and the secretariat, and for the editor of that state only (least privilege). Not
    /// for services: none of their calls needs it (TechnicalCooperation reads a contact's name, state,
    /// institution and office).
    /// </summary>
    public bool MayReadPersonalDataOf(string stateCode) => Roles.Contains(PartnerRole) || IsSecretariat || IsEditorOf(stateCode);

    /// <summary>Every write needs a key; the secretariat writes everything.</summary>
    public void EnsureSecretariat(string action)
    {
        EnsureAuthenticated(action);
        if (!IsSecretariat)
        {
            throw new PermissionDeniedException($"Only the General Secretariat may {action}.", SecretariatRole);
        }
    }

    /// <summary>The secretariat, or the editor of <paramref name="stateCode"/>, may write that state's records.</summary>
    public void EnsureMayWriteFor(string stateCode, string action)
    {
        EnsureAuthenticated(action);
        if (!IsSecretariat && !IsEditorOf(stateCode))
        {
            throw new PermissionDeniedException(
                $"The key of {Agency} may not {action} for {stateCode.ToUpperInvariant()}.",
                StateEditorPrefix + stateCode.ToUpperInvariant());
        }
    }

    /// <summary>Every write goes through here: a key is needed, and a service's key writes nothing.</summary>
    public void EnsureAuthenticated(string action)
    {
        if (IsAnonymous)
        {
            throw new UnauthenticatedException($"An API key is needed to {action}: send 'authorization: Bearer <key>'.");
        }

        if (IsService)
        {
            throw new PermissionDeniedException($"The key of {Agency} is a service's key, which reads only; it may not {action}.", "a role other than service");
        }
    }
}
