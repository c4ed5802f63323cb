namespace TocMesh.Treaty.Domain;

/// <summary>The topics of the legislative comparison (states × topics).</summary>
public static class LegislativeTopics
{
    public static readonly IReadOnlyList<(string Id, string Label)> All =
    [
        ("organized-crime", "Organized-crime offences and procedure"),
        ("criminal-justice-reform", "Criminal-justice reform"),
        ("oral-accusatory-system", "Oral or accusatory criminal procedure"),
        ("trafficking-in-persons", "Trafficking in persons"),
        ("smuggling-of-migrants", "Smuggling of migrants"),
        ("firearms", "Illicit manufacturing of and trafficking in firearms"),
        ("police-information-exchange", "Police information exchange"),
        ("statute-of-limitations", "Time bar on criminal investigation and prosecution"),
        ("bank-secrecy", "Lifting of bank secrecy"),
        ("wiretapping", "Interception of communications (wiretapping)"),
        ("sexual-exploitation", "Sexual exploitation and pornography offences"),
        ("judicial-protection", "Protection of judges and justice officials"),
        ("witness-protection", "Protection of witnesses and victims"),
        ("mutual-legal-assistance", "Mutual legal assistance"),
        ("money-laundering", "Money laundering"),
        ("corruption", "Corruption"),
    ];

    public static bool IsKnown(string id) => All.Any(t => t.Id == id);
}
