using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace UniRetail.Server.Tests.Marketing;

/// <summary>An event as @segment/analytics-node built and delivered it (the SDK chose the messageId).</summary>
public sealed record SdkEvent(string MessageId, string Type, string? Event, string? Name, string? UserId, string? AnonymousId);

/// <summary>One HTTP request the SDK made: where, how big, how many events, which auth scheme, and the status it got.</summary>
public sealed record SdkRequest(Uri Url, int Bytes, int Events, string UserAgent, string Auth, int Status);

/// <summary>What <c>tests/sdk/send.mjs</c> printed: the SDK's version, the events it delivered and its requests.</summary>
public sealed record SdkRun(string Sdk, IReadOnlyList<SdkEvent> Delivered, IReadOnlyList<SdkRequest> Requests);

/// <summary>
/// Runs <c>node tests/sdk/send.mjs</c>, the unmodified Segment Node SDK, as a child process. A machine without node or
/// without <c>tests/sdk/node_modules</c> fails the test, saying how to fix it: this check must never pass by not running.
/// </summary>
public static class NodeSdk
{
    private const string Install = "run `npm ci --prefix tests/sdk` (./test.sh does it before building)";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Fails the test at once, saying what to install, unless node and the pinned SDK are there.</summary>
    public static void AssertInstalled()
    {
        using var node = StartNode(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true });
        var version = node.StandardOutput.ReadToEnd().Trim();
        node.WaitForExit();
        Assert.True(node.ExitCode == 0 && int.TryParse(version.TrimStart('v').Split('.')[0], out var major) && major >= 20,
            $"node {version} is not v20 or later: install Node.js 20+, then {Install}.");
        if (!File.Exists(Path.Combine(SdkDirectory(), "node_modules", "@segment", "analytics-node", "package.json")))
            Assert.Fail($"@segment/analytics-node is not installed in {SdkDirectory()}/node_modules: {Install}.");
    }

    public static async Task<SdkRun> SendAsync(Uri host, string writeKey, string scenario, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        AssertInstalled();
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = SdkDirectory() };
        foreach (var argument in new[] { "send.mjs", "--host", host.ToString().TrimEnd('/'), "--write-key", writeKey, "--scenario", scenario })
            start.ArgumentList.Add(argument);
        using var node = StartNode(start);
        var output = node.StandardOutput.ReadToEndAsync(ct);
        var errors = node.StandardError.ReadToEndAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(Timeout);
        try
        {
            await node.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            node.Kill(entireProcessTree: true);
            Assert.Fail($"send.mjs did not finish within {Timeout.TotalSeconds:0} s: {await errors}");
        }
        Assert.True(node.ExitCode == 0, $"send.mjs exited with {node.ExitCode}:\n{await errors}\n{await output}");
        var lastLine = (await output).TrimEnd().Split('\n')[^1];
        return JsonSerializer.Deserialize<SdkRun>(lastLine, JsonSerializerOptions.Web)!;
    }

    private static Process StartNode(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start)!;
        }
        catch (Win32Exception ex)
        {
            // Process.Start reports a missing executable only by throwing; this is the one place to say what to install.
            Assert.Fail($"node (v20 or later) is not on the PATH ({ex.Message}): install Node.js, then {Install}.");
            throw;
        }
    }

    /// <summary>tests/sdk of the checkout this test assembly was built in: the first parent of its directory that holds it.</summary>
    private static string SdkDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var sdk = Path.Combine(directory.FullName, "tests", "sdk");
            if (File.Exists(Path.Combine(sdk, "package.json")))
                return sdk;
        }
        Assert.Fail($"No parent of {AppContext.BaseDirectory} holds tests/sdk/package.json; run the tests from a UniRetail checkout.");
        throw new UnreachableException();
    }
}
