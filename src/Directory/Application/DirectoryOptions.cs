namespace TocMesh.Directory.Application;

/// <summary>Settings of the directory (configuration section <c>Directory</c>).</summary>
public sealed class DirectoryOptions
{
    public const string Section = "Directory";

    /// <summary>When an opener gives no due date, a change request is due this many days after it was opened.</summary>
    public int ChangeRequestFollowUpDays { get; set; } = 90;

    /// <summary>Rows read from the database per query while exporting.</summary>
    public int ExportPageSize { get; set; } = 200;

    /// <summary>Changes read from the log per query while watching.</summary>
    public int WatchBatchSize { get; set; } = 100;

    /// <summary>How often a watcher looks in the log when no wake-up came (a notice lost while Redis was down).</summary>
    public TimeSpan WatchPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Watch streams one replica serves at once; more are refused with RESOURCE_EXHAUSTED.</summary>
    public int MaxWatchers { get; set; } = 200;

    /// <summary>The share of <see cref="MaxWatchers"/> (in percent) anonymous callers may hold together.</summary>
    public int AnonymousWatcherPercent { get; set; } = 50;

    /// <summary>Watch streams one anonymous client address may hold at once.</summary>
    public int MaxWatchersPerAddress { get; set; } = 4;

    /// <summary>Watch streams one agency (or one calling service) may hold at once.</summary>
    public int MaxWatchersPerAgency { get; set; } = 50;
}
