using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using UniRetail.Data;

namespace UniRetail.Server.Tests.Crash;

/// <summary>The real server as its own OS process (<c>dotnet UniRetail.Server.dll</c>), so a test can kill it with SIGKILL.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServerProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<ServerProcess> StartAsync(DatabaseOptions database, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(database);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var storage = database.Provider == DatabaseProvider.Sqlite
            ? $"--UniRetail:Sqlite={new SqliteConnectionStringBuilder(database.ConnectionString).DataSource}"
            : $"--UniRetail:Postgres={database.ConnectionString}";
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        // The keyring the in-process set-up used, so codes and cursors made before a restart are still the server's own.
        var keys = $"--UniRetail:KeysFile={database.KeysFile}";
        foreach (var argument in new[] { ServerAssembly(), $"--urls={address}", storage, keys, "--Logging:LogLevel:Default=Warning" })
            start.ArgumentList.Add(argument);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new ServerProcess(process, address);
        await server.WaitUntilHealthyAsync(ct);
        return server;
    }

    /// <summary>SIGKILL: no shutdown hooks, no flushing — what a power cut or an OOM kill does to the process.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            Kill();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitUntilHealthyAsync(CancellationToken ct)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The server exited with code {_process.ExitCode} before it was healthy.");
            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative), ct)).StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException("The server did not become healthy within 60 s.");
    }

    /// <summary>The server assembly built beside this test assembly (same configuration).</summary>
    private static string ServerAssembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "UniRetail.Server.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("UniRetail.Server.dll is not beside the tests.", path);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
