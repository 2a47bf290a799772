using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Marketing;

public sealed record Source(string SourceId, string Kind, string Name, string? StoreId, string? WriteKey, string? WriteKeyId = null);

public sealed record Rejected(int Index, string Code, string Reason);

public sealed record IngestAnswer(bool Success, string? Code, string? Message, IReadOnlyList<Rejected>? Rejected);

public sealed record BankEvent(
    string MessageId, string SourceId, string SourceKind, string? LocationId, string Type, string? Event, string? Name, string? UserId,
    string? AnonymousId, string? PreviousId, string? GroupId, DateTimeOffset Timestamp, JsonElement? Properties, JsonElement? Traits, JsonElement? Context);

/// <summary>The data bank's calls as an SDK and a marketer make them.</summary>
public static class EventApi
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<Source> AddSourceAsync(this Retailer retailer, string kind = "web", string? storeId = null)
    {
        ArgumentNullException.ThrowIfNull(retailer);
        return await (await retailer.Admin.PostAsJsonAsync("/api/marketing/sources", new { kind, name = $"{kind} source", storeId }, Ct))
            .ShouldBeAsync<Source>(HttpStatusCode.Created);
    }

    /// <summary>A client as Segment's SDKs configure it: the write key as HTTP Basic user name, empty password.</summary>
    public static HttpClient SdkClient(this ServerFixture server, string? writeKey)
    {
        ArgumentNullException.ThrowIfNull(server);
        var client = server.Factory.CreateClient();
        if (writeKey is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{writeKey}:")));
        return client;
    }

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    /// <summary>A body of bytes as they are, which need not be UTF-8.</summary>
    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, string path, byte[] json)
    {
        var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return client.PostAsync(path, content, Ct);
    }

    /// <summary>Gzip-compressed JSON labelled form-urlencoded, as RudderStack's Node SDK sends it.</summary>
    public static Task<HttpResponseMessage> SendGzipAsync(this HttpClient client, string path, string json) =>
        client.SendGzipAsync(path, Encoding.UTF8.GetBytes(json));

    public static Task<HttpResponseMessage> SendGzipAsync(this HttpClient client, string path, byte[] json)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(json);
        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
        return client.PostAsync(path, content, Ct);
    }

    public static async Task<IngestAnswer> ShouldAnswerAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        var answer = await response.ShouldBeAsync<IngestAnswer>(status);
        Assert.Equal(status == HttpStatusCode.OK, answer.Success);
        return answer;
    }

    public static async Task<IReadOnlyList<BankEvent>> EventsAsync(this Retailer retailer, string query = "")
    {
        ArgumentNullException.ThrowIfNull(retailer);
        return await retailer.Admin.AllPagesAsync<BankEvent>($"/api/marketing/events{query}");
    }

    /// <summary>
    /// The profile holding an identifier once the server's background projector has applied at least
    /// <paramref name="events"/> of its events (a marketer who may not see the figures gets it as soon as it exists).
    /// </summary>
    public static async Task<JsonElement> WaitForProfileAsync(this HttpClient client, string type, string value, int events = 1)
    {
        ArgumentNullException.ThrowIfNull(client);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            using var response = await client.GetAsync($"/api/marketing/profiles?type={type}&value={Uri.EscapeDataString(value)}", Ct);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var profile = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
                var seen = profile.TryGetProperty("aggregates", out var a) && a.ValueKind == JsonValueKind.Object ? a.GetProperty("events").GetInt32() : int.MaxValue;
                if (seen >= events)
                    return profile;
            }
            else if (response.StatusCode != HttpStatusCode.NotFound)
                await response.ShouldHaveStatusAsync(HttpStatusCode.OK);
            Assert.True(DateTime.UtcNow < deadline, $"No profile for {type} {value} with {events} events within 30 s.");
            await Task.Delay(100, Ct);
        }
    }
}
