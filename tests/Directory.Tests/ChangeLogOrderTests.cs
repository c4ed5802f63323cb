using Microsoft.Extensions.DependencyInjection;
using TocMesh.Directory.Application;
using TocMesh.Directory.Data;
using TocMesh.Directory.V1;
using TocMesh.ServiceDefaults.Persistence;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;
using ContactRevision = TocMesh.Directory.Domain.ContactRevision;

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

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_writer_gets_no_sequence_number_while_an_earlier_writer_has_not_committed(DatabaseProvider provider)
    {
        using var host = new DirectoryHost(provider: provider);
        await host.Directory().ListMemberStatesAsync(new ListMemberStatesRequest()); // started, migrated, seeded
        await using var firstScope = host.Services.CreateAsyncScope();
        await using var secondScope = host.Services.CreateAsyncScope();
        await using var readerScope = host.Services.CreateAsyncScope();
        var first = firstScope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var second = secondScope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
        var log = readerScope.ServiceProvider.GetRequiredService<DirectoryChangeLog>();

        await using var transaction = await first.Database.BeginTransactionAsync();
        first.ContactRevisions.Add(Revision("first"));
        await first.SaveChangesAsync();

        second.ContactRevisions.Add(Revision("second"));
        var secondSave = Task.Run(() => second.SaveChangesAsync());
        await Task.Delay(TimeSpan.FromMilliseconds(700));
        Assert.False(secondSave.IsCompleted, "the second writer took a number while the first had not committed");
        Assert.Empty(await log.ReadAfterAsync(0, null, 10, CancellationToken.None));

        await transaction.CommitAsync();
        await secondSave.WaitAsync(TimeSpan.FromSeconds(30));
        var entries = await log.ReadAfterAsync(0, null, 10, CancellationToken.None);
        Assert.Equal(["first", "second"], entries.Select(r => r.ContactId));
        Assert.Equal([1L, 2L], entries.Select(r => r.Sequence));
    }

    private static ContactRevision Revision(string contactId) => new()
    {
        ContactId = contactId,
        Revision = 1,
        Kind = Domain.RevisionKind.Created,
        StateCode = "ARG",
        Role = Domain.ContactRole.NationalPointOfContact,
        RecordedAt = DateTime.UtcNow,
        ChangedBy = "test",
    };
}
