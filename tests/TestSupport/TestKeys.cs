using TocMesh.ServiceDefaults.Auth;

namespace TocMesh.TestSupport;

/// <summary>API keys every test host knows (only their hashes go into its configuration).</summary>
public static class TestKeys
{
    public const string Secretariat = "test-key-secretariat";
    public const string Partner = "test-key-unodc-partner";
    public const string MexicoEditor = "test-key-mexico-editor";
    public const string PeruEditor = "test-key-peru-editor";

    /// <summary>The key of the Treaty service itself (agency <c>service:treaty</c>, role <c>service</c>), as the AppHost provisions one.</summary>
    public const string TreatyService = "test-key-treaty-service";

    public static IEnumerable<KeyValuePair<string, string?>> Configuration()
    {
        var keys = new (string Key, string Agency, string Role)[]
        {
            (Secretariat, "OAS General Secretariat", Caller.SecretariatRole),
            (Partner, "UNODC", Caller.PartnerRole),
            (MexicoEditor, "Mexico, Ministry of Foreign Affairs", Caller.StateEditorPrefix + "MEX"),
            (PeruEditor, "Peru, Ministry of Justice", Caller.StateEditorPrefix + "PER"),
            (TreatyService, "service:treaty", Caller.ServiceRole),
        };
        for (var i = 0; i < keys.Length; i++)
        {
            yield return new($"Auth:ApiKeys:{i}:Agency", keys[i].Agency);
            yield return new($"Auth:ApiKeys:{i}:Sha256", ApiKeyRegistry.Hash(keys[i].Key));
            yield return new($"Auth:ApiKeys:{i}:Roles:0", keys[i].Role);
        }
    }
}
