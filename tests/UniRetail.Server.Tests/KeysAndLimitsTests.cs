using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>Revocation reaches every server, rates are limited per key and per source with 429 and Retry-After, and logs hold no secrets.</summary>
public abstract class KeysAndLimitsTests(ServerFixture server) : ServerTests(server)
{
    private static readonly Dictionary<string, string> TightLimits = new()
    {
        ["UniRetail:RateLimits:ApiKeyBurst"] = "5",
        ["UniRetail:RateLimits:ApiKeyPerSecond"] = "1",
        ["UniRetail:RateLimits:WriteKeyBurst"] = "3",
        ["UniRetail:RateLimits:WriteKeyPerSecond"] = "1",
        ["UniRetail:RateLimits:SourceBurst"] = "40",
        ["UniRetail:RateLimits:SourcePerSecond"] = "1",
    };

    [Fact]
    public async Task AKeyRevokedOnOneServerIsRefusedByEveryOtherWithinAMoment()
    {
        var retailer = await NewRetailerAsync();
        var integration = await retailer.CreateKeyAsync("integration");
        await using var second = new UniRetailFactory(Server.Factory.Database);
        var onSecond = retailer.On(second).ClientWithKey(integration.Token);
        await (await onSecond.GetAsync("/api/locations", Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await retailer.Admin.DeleteAsync($"/api/keys/{integration.KeyId}", Ct)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        // The second server cached the key a moment ago; its invalidation poller (every 250 ms) must drop it.
        var refused = false;
        for (var attempt = 0; attempt < 40 && !refused; attempt++)
        {
            refused = (await onSecond.GetAsync("/api/locations", Ct)).StatusCode == HttpStatusCode.Unauthorized;
            if (!refused)
                await Task.Delay(100, Ct);
        }
        Assert.True(refused, "The second server still accepted the revoked key after 4 s.");
    }

    [Fact]
    public async Task AKeyOverItsRateIsTooManyRequestsWithRetryAfterWhileAnotherKeyIsServed()
    {
        await using var limited = new UniRetailFactory(Server.Factory.Database, TightLimits);
        var retailer = (await NewRetailerAsync()).On(limited);
        var other = retailer.ClientWithKey((await retailer.CreateKeyAsync("integration")).Token);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? last = null;
        for (var i = 0; i < 8; i++)
        {
            last = await retailer.Admin.GetAsync("/api/locations", Ct);
            statuses.Add(last.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 6, string.Join(", ", statuses));
        var problem = await last!.ShouldBeProblemAsync(HttpStatusCode.TooManyRequests, "request.rate_limited");
        Assert.NotNull(problem.Detail);
        Assert.True(int.Parse(last!.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await (await other.GetAsync("/api/locations", Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AWriteKeyOverItsRateGets429InSegmentsShapeSoSdksRetry()
    {
        await using var limited = new UniRetailFactory(Server.Factory.Database, TightLimits);
        var retailer = (await NewRetailerAsync()).On(limited);
        var source = await (await retailer.Admin.PostAsJsonAsync("/api/marketing/sources", new { kind = "web", name = "Shop" }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var client = limited.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(source.GetProperty("writeKey").GetString() + ":")));

        // All six at once: sent one after another on a loaded box (28 s once), the bucket refills between them.
        var answers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            client.PostAsync("/v1/track", new StringContent("""{"userId":"u-1","event":"Product Viewed"}""", Encoding.UTF8, "application/json"), Ct)));
        var statuses = answers.Select(a => a.StatusCode).ToList();

        var last = answers.FirstOrDefault(a => a.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.NotNull(last);
        Assert.True(statuses.Count(s => s == HttpStatusCode.OK) <= 4, string.Join(", ", statuses));
        var body = await last.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.False(body.GetProperty("success").GetBoolean());
        Assert.Equal("request.rate_limited", body.GetProperty("code").GetString());
        Assert.True(last.Headers.Contains("Retry-After"));
    }

    [Fact]
    public async Task RequestLoggingIsOffByDefaultAndWhenOnLogsNoKeyOrQuery()
    {
        await using var quiet = new UniRetailFactory(Server.Factory.Database, new Dictionary<string, string>());
        await using var logging = new UniRetailFactory(Server.Factory.Database, new Dictionary<string, string> { ["UniRetail:RequestLogging"] = "true" });
        var retailer = await NewRetailerAsync();
        var created = await retailer.CreateKeyAsync("integration");
        var secret = created.Token[(created.Token.IndexOf('.', StringComparison.Ordinal) + 1)..];

        foreach (var factory in new[] { quiet, logging })
        {
            var client = retailer.On(factory).ClientWithKey(created.Token);
            await (await client.GetAsync("/api/members/lookup?kind=email&value=ann%40example.com", Ct)).ShouldHaveStatusAsync(HttpStatusCode.NotFound);
            await (await client.GetAsync("/api/locations", Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        }

        Assert.DoesNotContain(quiet.Logged, l => l.Contains("/api/locations", StringComparison.Ordinal));
        Assert.Contains(logging.Logged, l => l.Contains("/api/locations", StringComparison.Ordinal) && l.Contains("200", StringComparison.Ordinal));
        foreach (var line in quiet.Logged.Concat(logging.Logged))
        {
            Assert.DoesNotContain(secret, line, StringComparison.Ordinal);
            Assert.DoesNotContain("ann%40example.com", line, StringComparison.Ordinal);
            Assert.DoesNotContain("ann@example.com", line, StringComparison.Ordinal);
        }
    }
}

public sealed class KeysAndLimitsSqliteTests(SqliteServer server) : KeysAndLimitsTests(server), IClassFixture<SqliteServer>;

public sealed class KeysAndLimitsPostgresTests(PostgresServer server) : KeysAndLimitsTests(server), IClassFixture<PostgresServer>;
