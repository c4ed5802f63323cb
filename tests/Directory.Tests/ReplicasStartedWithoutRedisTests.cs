using TocMesh.Directory.V1;
using TocMesh.TestSupport;
using static TocMesh.Directory.Tests.ContactFixtures;

namespace TocMesh.Directory.Tests;

/// <summary>Replicas started while Redis was down join the bus when it comes up.</summary>
public sealed class ReplicasStartedWithoutRedisTests
{
    [Fact]
    public async Task Replicas_started_while_redis_was_down_wake_each_others_watchers_once_it_is_up()
    {
        await using var redis = await RedisServer.StartAsync();
        redis.Kill();
        using var a = Replica(null, redis);
        await a.Directory().ListMemberStatesAsync(new ListMemberStatesRequest());
        using var b = Replica(a.DataFolder, redis);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        using var watch = b.Directory(TestKeys.Partner).WatchDirectory(new WatchDirectoryRequest(), cancellationToken: cts.Token);
        await watch.ResponseHeadersAsync.WaitAsync(cts.Token);

        // Every change B's watcher delivers, as it arrives.
        var delivered = System.Threading.Channels.Channel.CreateUnbounded<string>();
        var reader = Task.Run(async () =>
        {
            while (await watch.ResponseStream.MoveNext(cts.Token))
            {
                await delivered.Writer.WriteAsync(watch.ResponseStream.Current.Contact.Name, cts.Token);
            }
        });

        await redis.RestartAsync();
        var onA = a.Directory(TestKeys.Secretariat);

        // With a ten-minute poll, B's watcher delivers a change only when woken: by A's notice over
        // Redis, or once by B's own reconnection (it may have missed notices), which can bring a
        // change of A written before it. Two changes delivered one after the other cannot both have
        // come that way: at least one was A's notice. A change not delivered within a few seconds
        // (A not on the bus yet) is followed by another.
        var inARow = 0;
        for (var i = 0; inARow < 2; i++)
        {
            var written = await onA.CreateAsync(PointOfContact("ATG", ContactRole.Courses, institution: $"Ministry {i}"));
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
            wait.CancelAfter(TimeSpan.FromSeconds(5));
            try
            {
                while (await delivered.Reader.ReadAsync(wait.Token) != written.Name)
                {
                }

                inARow++;
            }
            catch (OperationCanceledException) when (!cts.IsCancellationRequested)
            {
                inARow = 0;
            }
        }

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<Exception>(() => reader);
    }

    private static DirectoryHost Replica(string? sharedDataFolder, RedisServer redis) =>
        (DirectoryHost)new DirectoryHost(sharedDataFolder)
            .WithDirectorySetting("WatchPollInterval", "00:10:00")
            .WithRedis(redis.ConnectionString);
}
