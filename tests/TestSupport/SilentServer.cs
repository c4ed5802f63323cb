using System.Net;
using System.Net.Sockets;

namespace TocMesh.TestSupport;

/// <summary>
/// A hung dependency: a real loopback port that accepts connections and never answers a byte, so a
/// call to it waits until someone's deadline or timeout ends it.
/// </summary>
public sealed class SilentServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly List<Socket> _held = [];
    private readonly CancellationTokenSource _stop = new();

    public SilentServer()
    {
        _listener.Start();
        _ = AcceptAsync();
    }

    public string Address => $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}";

    private async Task AcceptAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var socket = await _listener.AcceptSocketAsync(_stop.Token);
                lock (_held)
                {
                    _held.Add(socket);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held)
        {
            foreach (var socket in _held)
            {
                socket.Dispose();
            }
        }

        _stop.Dispose();
    }
}
