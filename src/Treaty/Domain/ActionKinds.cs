namespace TocMesh.Treaty.Domain;

/// <summary>What each kind of action means for the treaty rules.</summary>
public static class ActionKinds
{
    public static bool IsConsent(this ActionKind kind) => kind is ActionKind.Ratification or ActionKind.Accession
        or ActionKind.Acceptance or ActionKind.Approval or ActionKind.Succession;

    /// <summary>Ratification, acceptance and approval confirm a signature; accession and succession need none.</summary>
    public static bool NeedsSignature(this ActionKind kind) => kind is ActionKind.Ratification or ActionKind.Acceptance or ActionKind.Approval;

    public static string Describe(this ActionKind kind) => kind.ToString().ToLowerInvariant();
}
