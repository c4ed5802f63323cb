using Microsoft.Extensions.Hosting;

namespace TocMesh.ServiceDefaults.Caching;

/// <summary>
/// Subscribes the bus when the service starts, and keeps trying every 5 s while it is not
/// subscribed: a safety net beside the reconnection event, which in the test with Redis down at
/// start already re-made the subscription. Leaves the bus as soon as the service starts stopping,
/// before it drains its calls: a replica that is going away must not hold up the others' writes.
/// </summary>
internal sealed class ReplicaBusSubscription(ReplicaBus bus, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        lifetime.ApplicationStopping.Register(() => _ = bus.LeaveAsync());
        await bus.StartAsync();
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(5));
        while (!bus.IsSubscribed && await timer.WaitForNextTickAsync(stoppingToken))
        {
            await bus.SubscribeLateAsync();
        }
    }
}
