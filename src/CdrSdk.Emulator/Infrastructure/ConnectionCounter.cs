using Microsoft.AspNetCore.Connections;

namespace CdrSdk.Emulator;

/// <summary>Counts the TCP connections a listener accepts and how many are still open (to find leaked client connections).</summary>
internal sealed class ConnectionCounter
{
    public int Open;

    public int Accepted;

    /// <summary>Kestrel connection middleware: counts the connection while it lives.</summary>
    public ConnectionDelegate Count(ConnectionDelegate next) => async connection =>
    {
        Interlocked.Increment(ref Accepted);
        Interlocked.Increment(ref Open);
        try
        {
            await next(connection).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref Open);
        }
    };
}
