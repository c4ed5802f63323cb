using System.Net;
using System.Net.Sockets;

namespace TocMesh.TestSupport;

/// <summary>
/// A loopback port that refuses every connection, like a service that is down: the port is bound
/// (so no other process can take it and answer in its place) but never listened on. Held until disposed.
/// </summary>
public sealed class ClosedPort : IDisposable
{
    // Linux's SOL_SOCKET and SO_REUSEADDR.
    private const int SocketLevel = 1;
    private const int ReuseAddress = 2;

    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    /// <summary>A port the system chooses.</summary>
    public ClosedPort()
        : this(0)
    {
    }

    /// <summary>
    /// <paramref name="port"/> itself, e.g. to keep the port of a server that was just stopped until
    /// it starts again (the connections it had may still linger on the port; they do not stand in the
    /// way). Throws <see cref="SocketException"/> when another socket holds the port.
    /// </summary>
    public ClosedPort(int port)
    {
        try
        {
            // .NET binds with SO_REUSEADDR, which lets lingering connections be; cleared afterwards,
            // so that no other socket can bind the port, even one that asks for SO_REUSEADDR too.
            _socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
            if (OperatingSystem.IsLinux())
            {
                _socket.SetRawSocketOption(SocketLevel, ReuseAddress, BitConverter.GetBytes(0));
            }
        }
        catch
        {
            _socket.Dispose();
            throw;
        }
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>The port as an http:// address.</summary>
    public string Address => $"http://127.0.0.1:{Port}";

    public void Dispose() => _socket.Dispose();
}
