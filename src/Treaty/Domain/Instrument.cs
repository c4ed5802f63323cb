namespace TocMesh.Treaty.Domain;

/// <summary>A treaty the group follows, as instruments.csv describes it.</summary>
public sealed class Instrument
{
    public required string Id { get; set; }

    public required string ShortName { get; set; }

    public required string Title { get; set; }

    /// <summary>The parent convention, for a protocol.</summary>
    public string? ParentId { get; set; }

    public DateOnly Adopted { get; set; }

    public required string Depositary { get; set; }

    /// <summary>Last day open for signature; null when not recorded (no window is enforced).</summary>
    public DateOnly? SignatureClosed { get; set; }

    /// <summary>The instrument's own entry into force (art. 38(1)); null when not recorded.</summary>
    public DateOnly? EntryIntoForce { get; set; }

    public int? EntryIntoForceThreshold { get; set; }

    public int? DaysAfterThreshold { get; set; }

    /// <summary>Days after a later deposit on which it enters into force for that state (art. 38(2)).</summary>
    public int? DaysAfterLaterDeposit { get; set; }

    public string Articles { get; set; } = "";

    /// <summary>Where reports list it: the row order of instruments.csv, each convention before its protocols.</summary>
    public int Position { get; set; }

    /// <summary>
    /// Entry into force for a state that deposited on <paramref name="deposit"/>: the later of the
    /// instrument's own entry into force and the set number of days after the deposit. A deposit made
    /// before the instrument's own entry into force takes effect with it. Null when it cannot be
    /// computed from what is recorded.
    /// </summary>
    public DateOnly? EntryIntoForceFor(DateOnly deposit)
    {
        if (EntryIntoForce is not { } own)
        {
            return null;
        }

        if (DaysAfterLaterDeposit is { } days)
        {
            // Held at the last day of the calendar: a deposit date may be as late as 9999-12-31.
            var later = DateOnly.FromDayNumber((int)Math.Min((long)deposit.DayNumber + days, DateOnly.MaxValue.DayNumber));
            return later > own ? later : own;
        }

        return deposit <= own ? own : null;
    }

    /// <summary>How a meeting report names it in a sentence.</summary>
    public string ReportName(bool hasProtocols) => hasProtocols ? "the Convention" : "the " + Title;
}
