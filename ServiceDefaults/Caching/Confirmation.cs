namespace TocMesh.ServiceDefaults.Caching;

/// <summary>Counts the replicas that confirmed one message.</summary>
internal sealed class Confirmation
{
    private readonly SemaphoreSlim _confirmed = new(0);

    public void Add() => _confirmed.Release();

    public async Task<bool> WaitAsync(int replicas, TimeSpan timeout)
    {
        var deadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;
        for (var i = 0; i < replicas; i++)
        {
            var left = deadline - Environment.TickCount64;
            if (left <= 0 || !await _confirmed.WaitAsync(TimeSpan.FromMilliseconds(left)))
            {
                return false;
            }
        }

        return true;
    }
}
