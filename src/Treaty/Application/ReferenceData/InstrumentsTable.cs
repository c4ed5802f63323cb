using TocMesh.Treaty.Domain;

namespace TocMesh.Treaty.Application.ReferenceData;

/// <summary>What instruments.csv leaves out that a status depends on: the rule of entry into force for a later deposit.</summary>
internal static class InstrumentsTable
{
    public static void Read(PublishedStatus into)
    {
        foreach (var (row, line) in ReferenceFiles.ReadCsv<InstrumentRow>(ReferenceFiles.Instruments))
        {
            if (ReferenceFiles.ParseDate(row.EntryIntoForce) is { } eif && ReferenceFiles.ParseInt(row.EifDaysAfterLaterDeposit) is null)
            {
                into.AddFinding(ReferenceFiles.Instruments, line, "", row.Id, FindingRules.EntryIntoForceRuleNotRecorded, FindingSeverity.Warning,
                    $"{row.ShortName} entered into force on {eif:yyyy-MM-dd}; the rule for a state that deposits its instrument later is not in the data "
                    + $"(instruments.csv gives no days after a later deposit: \"{row.Articles}\"), so its entry into force for such a state is not computed.");
            }
        }
    }
}
