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

    /// <summary>Waits for <paramref name="process"/> to listen on <paramref name="port"/>; if it exits first, says why.</summary>
    public static async Task WaitUntilListeningAsync(int port, ChildProcess process, TimeSpan timeout, string what, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"{what} {await process.ExitReasonAsync()}");
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
        throw new TimeoutException($"{what} did not accept connections on port {port} within {timeout.TotalSeconds:0} s; its last lines:\n{process.LastLines}");
    }
}
