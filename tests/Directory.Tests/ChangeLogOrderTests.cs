using Grpc.Core;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>
/// The change log under concurrent writers on two replicas of one database: a watcher reading
/// "after the last sequence I saw" while the writes happen must still get every change, once, with
/// sequence numbers that have no hole (a number committed late behind a higher one would be skipped).
/// </summary>
public sealed class ChangeLogOrderTests
{
    private const int Writers = 6;
    private const int WritesEach = 10;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Concurrent_writers_on_two_replicas_leave_a_gap_free_log_a_watcher_reads_whole(DatabaseProvider provider)
    {
        using var first = new DirectoryHost(provider: provider).WithDirectorySetting("WatchPollInterval", "00:00:00.050");
        using var second = new DirectoryHost(first.DataFolder, provider);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var watch = first.Directory(TestKeys.Partner).WatchDirectory(new WatchDirectoryRequest(), cancellationToken: cts.Token);
        await watch.ResponseHeadersAsync.WaitAsync(cts.Token);
        var replicas = new[] { first.Directory(TestKeys.Secretariat), second.Directory(TestKeys.Secretariat) };
        string[] states = ["ARG", "BRA", "CHL", "COL", "MEX", "PER"];

        var written = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            var names = new List<string>();
            for (var i = 0; i < WritesEach; i++)
            {
                var created = await replicas[(writer + i) % 2].CreateAsync(
                    PointOfContact(states[writer], institution: $"Ministry {writer}-{i}"));
                names.Add(created.Name);
            }

            return names;
        })));

        var seen = new List<WatchDirectoryResponse>();
        while (seen.Count < Writers * WritesEach && await watch.ResponseStream.MoveNext(cts.Token))
        {
            seen.Add(watch.ResponseStream.Current);
        }

        Assert.Equal(written.SelectMany(n => n).Order(), seen.Select(c => c.Contact.Name).Order());
        var sequences = seen.Select(c => c.Sequence).ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(n => (long)n), sequences);
    }
}
