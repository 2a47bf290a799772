using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using UniRetail.Data;
using UniRetail.Server;

namespace UniRetail.Bench;

/// <summary>The product's own host (Kestrel) in the benchmark's process, on the benchmark's database, for HTTP benchmarks.</summary>
internal static class BenchServer
{
    /// <summary>
    /// Starts the server on a free loopback port over <paramref name="database"/>, logging warnings only, with
    /// <paramref name="settings"/> (command-line style, <c>--UniRetail:…=…</c>) on top; the caller stops it.
    /// </summary>
    public static async Task<(WebApplication Server, Uri Address)> StartAsync(BenchDatabase database, IEnumerable<string> settings, CancellationToken ct)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var storage = database.Provider == DatabaseProvider.Sqlite
            ? $"--UniRetail:Sqlite={new SqliteConnectionStringBuilder(database.Options.ConnectionString).DataSource}"
            : $"--UniRetail:Postgres={database.Options.ConnectionString}";
        var server = ServerHost.Build([$"--urls={address}", storage, "--Logging:LogLevel:Default=Warning", "--environment=Production", .. settings]);
        await server.StartAsync(ct);
        return (server, address);
    }

    /// <summary>One connection per sender, kept for the run, as a busy SDK fleet behind a load balancer would hold them.</summary>
    public static HttpClient Client(Uri address) => new(new SocketsHttpHandler
    {
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = 1_024,
    })
    {
        BaseAddress = address,
        Timeout = TimeSpan.FromSeconds(60),
    };

    /// <summary>A loopback port nobody listens on now.</summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
