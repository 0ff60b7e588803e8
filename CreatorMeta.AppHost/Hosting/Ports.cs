using System.Net;
using System.Net.Sockets;

namespace CreatorMeta.AppHost.Hosting;

internal static class Ports
{
    /// <summary>A loopback port nobody listens on right now (the OS picks it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static async Task WaitUntilListeningAsync(int port, Func<bool> stillStarting, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (!stillStarting())
                throw new InvalidOperationException($"{what} exited before it accepted connections; see its log lines above.");
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
        throw new TimeoutException($"{what} did not accept connections on port {port} within {timeout.TotalSeconds:0} s.");
    }
}
