using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using UniRetail.Data;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Server.Tests.Marketing;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Server.Tests.Crash;

/// <summary>
/// The server process is killed (SIGKILL) while SDKs are posting <c>/v1/batch</c> requests, then started again on the same
/// database: every event of a batch it answered 200 is in the bank exactly once, and retrying every unanswered batch
/// (as the SDKs do, same messageIds) stores each of its events exactly once too, never a second copy.
/// </summary>
public abstract class KilledIngestTests(DatabaseProvider provider)
{
    private const int Senders = 8;
    private const int EventsPerBatch = 50;
    private const int AcknowledgementsBeforeKill = 60;
    private const int MaxBatchesPerSender = 10_000;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EventsAcknowledgedBeforeAKillAreStoredOnceAndRetriesNeverDuplicate()
    {
        var database = TestDatabases.New(provider);
        string adminToken, writeKey;
        await using (var setUp = new UniRetailFactory(database))
        {
            var retailer = await Retailer.CreateAsync(setUp);
            writeKey = (await retailer.AddSourceAsync("web")).WriteKey!;
            adminToken = retailer.AdminToken;
        }

        var acknowledged = new ConcurrentBag<string>();
        var unanswered = new ConcurrentBag<string>();
        await using (var server = await ServerProcess.StartAsync(database, Ct))
        {
            using var sdk = SdkClient(server, writeKey);
            var senders = Enumerable.Range(0, Senders).Select(sender => Task.Run(async () =>
            {
                // Each sender keeps posting until the server dies under it, so the kill lands with requests in flight.
                for (var n = 0; n < MaxBatchesPerSender; n++)
                {
                    var batch = $"sender-{sender}-batch-{n}";
                    try
                    {
                        var answer = await (await PostBatchAsync(sdk, batch, CancellationToken.None)).ShouldAnswerAsync(HttpStatusCode.OK);
                        Assert.Null(answer.Rejected);
                        acknowledged.Add(batch);
                    }
                    catch (Exception ex) when (ex is HttpRequestException or IOException)
                    {
                        // No answer, or one cut off by the kill: the SDK cannot tell, so it will retry the batch.
                        unanswered.Add(batch);
                        return;
                    }
                }
            }, Ct)).ToList();
            while (acknowledged.Count < AcknowledgementsBeforeKill && !senders.All(s => s.IsCompleted))
                await Task.Delay(5, Ct);
            server.Kill();
            await Task.WhenAll(senders);
        }
        Assert.Equal(Senders, unanswered.Count);

        await using var restarted = await ServerProcess.StartAsync(database, Ct);
        using var admin = new HttpClient { BaseAddress = restarted.Address, Timeout = TimeSpan.FromSeconds(30) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        var beforeRetries = await StoredCountsAsync(admin);
        foreach (var batch in acknowledged)
        {
            foreach (var messageId in MessageIds(batch))
                Assert.Equal(1, beforeRetries.GetValueOrDefault(messageId));
        }

        using var retrying = SdkClient(restarted, writeKey);
        foreach (var batch in unanswered)
            await (await PostBatchAsync(retrying, batch, Ct)).ShouldAnswerAsync(HttpStatusCode.OK);
        // An SDK that lost the answer to an acknowledged batch sends it again too.
        await (await PostBatchAsync(retrying, acknowledged.First(), Ct)).ShouldAnswerAsync(HttpStatusCode.OK);

        var stored = await StoredCountsAsync(admin);
        var sent = acknowledged.Concat(unanswered).SelectMany(MessageIds).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(sent.Count, stored.Count);
        Assert.All(sent, messageId => Assert.Equal(1, stored.GetValueOrDefault(messageId)));
    }

    private static HttpClient SdkClient(ServerProcess server, string writeKey)
    {
        var client = new HttpClient { BaseAddress = server.Address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{writeKey}:")));
        return client;
    }

    private static IEnumerable<string> MessageIds(string batch) =>
        Enumerable.Range(0, EventsPerBatch).Select(i => $"{batch}-event-{i.ToString(CultureInfo.InvariantCulture)}");

    private static Task<HttpResponseMessage> PostBatchAsync(HttpClient client, string batch, CancellationToken ct)
    {
        var events = MessageIds(batch).Select((messageId, i) => new
        {
            type = "track", messageId, anonymousId = $"anon-{batch}", @event = "Product Viewed",
            properties = new { sku = "85123A", position = i }, context = new { library = new { name = "analytics.js" } },
        });
        return client.PostAsJsonAsync(new Uri("/v1/batch", UriKind.Relative), new { batch = events }, ct);
    }

    /// <summary>How many stored events carry each messageId, read in order through the marketer's API.</summary>
    private static async Task<Dictionary<string, int>> StoredCountsAsync(HttpClient admin)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var stored in await admin.AllPagesAsync<BankEvent>("/api/marketing/events"))
            counts[stored.MessageId] = counts.GetValueOrDefault(stored.MessageId) + 1;
        return counts;
    }
}

public sealed class KilledIngestSqliteTests() : KilledIngestTests(DatabaseProvider.Sqlite);

public sealed class KilledIngestPostgresTests() : KilledIngestTests(DatabaseProvider.Postgres);
