using Microsoft.Extensions.Hosting;

namespace TocMesh.ServiceDefaults.Caching;

/// <summary>
/// Subscribes the bus when the service starts, and keeps trying every 5 s while it is not
/// subscribed: a safety net beside the reconnection event, which in the test with Redis down at
/// start already re-made the subscription.
/// </summary>
internal sealed class ReplicaBusSubscription(ReplicaBus bus) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await bus.StartAsync();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        while (!bus.IsSubscribed && await timer.WaitForNextTickAsync(stoppingToken))
        {
            await bus.SubscribeLateAsync();
        }
    }
}
