using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>The codes of the organization's status tables (RA ratification, AC acceptance, AD accession), and a row's status in words.</summary>
internal static class OasCodes
{
    public static ActionKind? ConsentKind(string code) => code.Trim().ToUpperInvariant() switch
    {
        "RA" => ActionKind.Ratification,
        "AC" => ActionKind.Acceptance,
        "AD" => ActionKind.Accession,
        _ => null,
    };

    /// <summary>A row's status in words, e.g. "signed 1994-01-07; ratification 2007-10-10, deposited 2007-11-12", or "no signature or consent".</summary>
    public static string Describe(DateOnly? signature, ActionKind? kind, DateOnly? act, DateOnly? deposit)
    {
        var parts = new List<string>();
        if (signature is { } s)
        {
            parts.Add($"signed {s:yyyy-MM-dd}");
        }

        if (kind is { } k)
        {
            parts.Add(k.Describe() + (act is { } a ? $" {a:yyyy-MM-dd}" : "") + (deposit is { } d ? $", deposited {d:yyyy-MM-dd}" : ""));
        }

        return parts.Count == 0 ? "no signature or consent" : string.Join("; ", parts);
    }
}
