namespace TocMesh.TestSupport;

/// <summary>Who a write is for.</summary>
public enum WriteRule
{
    /// <summary>The General Secretariat alone.</summary>
    SecretariatOnly,

    /// <summary>The editor of the state the record belongs to, or the Secretariat.</summary>
    StateEditorOrSecretariat,
}
