using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Server;

namespace UniRetail.Bench;

internal sealed record IngestLevel(int Senders, int Events, LoadResult Result)
{
    public double EventsPerSecond => Events / Result.Elapsed.TotalSeconds;
}

/// <summary>What the ingestion run measured; <see cref="AllStored"/> when every acknowledged event is in the bank exactly once.</summary>
internal sealed record IngestReport(string Database, int BatchSize, double CeilingEventsPerSecond, IReadOnlyList<IngestLevel> Levels, long Sent, long Stored)
{
    public bool AllStored => Stored == Sent && Levels.All(l => l.Result.Failures.Count == 0);
}

/// <summary>
/// Event ingestion over HTTP: the real server (<see cref="ServerHost"/>) listening on a loopback port in this process, a
/// tenant with a web source, and senders posting pre-serialised <c>/v1/batch</c> bodies with the write key as HTTP Basic
/// user name at 1, 8 and 64 at a time. A request counts when it answered 200 <c>{"success":true}</c>, which the server
/// sends only after the events are committed. Measured against the bare insert loop in the same run, same database.
/// </summary>
internal static class IngestBenchmark
{
    public static readonly int[] Senders = [1, 8, 64];
    private static readonly byte[] Accepted = "{\"success\":true}"u8.ToArray();

    public static async Task<IngestReport> RunAsync(BenchDatabase database, int events, int batchSize, Action<string> step, CancellationToken ct)
    {
        var (server, address) = await BenchServer.StartAsync(database, [], ct);
        await using var _ = server;
        try
        {
            step($"{database.Name}: a tenant and its web source (server on {address})");
            var tenant = await server.Services.GetRequiredService<CreateTenant>().HandleAsync("Bench Gifts & Home", "GBP", ct);
            if (!tenant.IsSuccess)
                throw new InvalidOperationException($"benchmark set-up failed: {tenant.Error.Code}");
            using var client = BenchServer.Client(address);
            var writeKey = await CreateWebSourceAsync(client, tenant.Value.AdminKey, ct);
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{writeKey}:")));

            step($"{database.Name}: warming up");
            var warmUp = Visitors.Events(Math.Clamp(events / 5, batchSize, 20_000), 3);
            var sent = Acknowledged(await SendAsync(client, warmUp, batchSize, 8), warmUp.Length, batchSize);

            step($"{database.Name}: ceiling (bare loop, one transaction per {batchSize} rows)");
            var ceiling = await IngestCeiling.EventsPerSecondAsync(database, tenant.Value.TenantId.Value, Visitors.Events(events, 5), batchSize, ct);

            var levels = new List<IngestLevel>();
            foreach (var senders in Senders)
            {
                step($"{database.Name}: {events} events in batches of {batchSize}, {senders} concurrent senders");
                var result = await SendAsync(client, Visitors.Events(events, 100 + senders), batchSize, senders);
                sent += Acknowledged(result, events, batchSize);
                levels.Add(new IngestLevel(senders, events, result));
            }
            await using var connection = await database.OpenRawAsync(ct);
            var stored = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM marketing_event WHERE tenant_id = @Tenant AND source_id NOT LIKE 'src_ceiling_%'", new { Tenant = tenant.Value.TenantId.Value });
            return new IngestReport(database.Name, batchSize, ceiling, levels, sent, stored);
        }
        finally
        {
            await server.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>Events acknowledged: all of them, or (when some requests failed) those of the requests answered 200.</summary>
    private static long Acknowledged(LoadResult result, int events, int batchSize) =>
        result.Failures.Count == 0 ? events : (long)result.Succeeded * batchSize;

    /// <summary>Bodies are built before the clock starts; each call posts one and checks the answer.</summary>
    private static Task<LoadResult> SendAsync(HttpClient client, VisitorEvent[] events, int batchSize, int senders)
    {
        var bodies = Visitors.Batches(events, batchSize);
        return LoadRun.RunAsync(bodies.Length, senders, i => PostAsync(client, bodies[i]));
    }

    private static async Task<Result<int>> PostAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync(Batch, content);
        var answer = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK)
            return Error.Validation($"HTTP {(int)response.StatusCode}", Encoding.UTF8.GetString(answer));
        return answer.AsSpan().SequenceEqual(Accepted) ? body.Length : Error.Validation("rejected events", Encoding.UTF8.GetString(answer));
    }

    private static readonly Uri Batch = new("/v1/batch", UriKind.Relative);

    private static async Task<string> CreateWebSourceAsync(HttpClient client, string adminKey, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/marketing/sources", UriKind.Relative))
        {
            Content = JsonContent.Create(new { kind = "web", name = "Web shop" }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", adminKey);
        using var response = await client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<SourceAnswer>(ct);
        return created?.WriteKey ?? throw new InvalidOperationException("The source was created without a write key.");
    }

    private sealed record SourceAnswer(string SourceId, string WriteKey);
}
