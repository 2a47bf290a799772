using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Server.Tests.Infrastructure;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Server.Tests.Marketing;

/// <summary>A write key can be rotated with an overlap (both keys work until it ends) and revoked at once, on every server.</summary>
public abstract class WriteKeyRotationTests(ServerFixture server) : ServerTests(server)
{
    private const string Track = """{"userId":"u-1","event":"Product Viewed"}""";
    private readonly ManualClock _clock = new(DateTimeOffset.UtcNow);

    private WebApplicationFactory<Program> WithClock() =>
        Server.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));

    private static HttpClient Sdk(WebApplicationFactory<Program> server, string writeKey)
    {
        var client = server.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{writeKey}:")));
        return client;
    }

    private static async Task<HttpStatusCode> SendAsync(WebApplicationFactory<Program> server, string writeKey) =>
        (await Sdk(server, writeKey).PostAsync("/v1/track", new StringContent(Track, Encoding.UTF8, "application/json"), Ct)).StatusCode;

    private static async Task<JsonElement> RotateAsync(Retailer retailer, string sourceId, int? overlapMinutes) =>
        await (await retailer.Admin.PostAsJsonAsync($"/api/marketing/sources/{sourceId}/keys", new { overlapMinutes }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);

    [Fact]
    public async Task ARotatedKeyKeepsWorkingUntilTheOverlapEndsWhileTheNewOneWorksAtOnce()
    {
        await using var server = WithClock();
        var retailer = await Retailer.CreateAsync(server);
        var source = await (await retailer.Admin.PostAsJsonAsync("/api/marketing/sources", new { kind = "web" }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var sourceId = source.GetProperty("sourceId").GetString()!;
        var oldKey = source.GetProperty("writeKey").GetString()!;

        var rotated = await RotateAsync(retailer, sourceId, overlapMinutes: 60);
        var newKey = rotated.GetProperty("writeKey").GetString()!;

        var replaced = Assert.Single(rotated.GetProperty("replaced").EnumerateArray());
        Assert.Equal(source.GetProperty("writeKeyId").GetString(), replaced.GetProperty("keyId").GetString());
        Assert.Equal(_clock.GetUtcNow().AddMinutes(60).ToUnixTimeMilliseconds(), replaced.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal(HttpStatusCode.OK, await SendAsync(server, newKey));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(server, oldKey));

        _clock.Advance(TimeSpan.FromMinutes(61));

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(server, oldKey));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(server, newKey));
        var listed = Assert.Single((await retailer.Admin.GetFromJsonAsync<JsonElement>("/api/marketing/sources", Ct)).GetProperty("items").EnumerateArray());
        var live = listed.GetProperty("writeKeys").EnumerateArray().ToDictionary(k => k.GetProperty("keyId").GetString()!, k => k.GetProperty("live").GetBoolean());
        Assert.Equal(new Dictionary<string, bool> { [source.GetProperty("writeKeyId").GetString()!] = false, [rotated.GetProperty("writeKeyId").GetString()!] = true }, live);
        Assert.DoesNotContain(newKey[20..], listed.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARotationWithNoOverlapEndsTheOldKeyAtOnce()
    {
        var retailer = await NewRetailerAsync();
        var source = await retailer.AddSourceAsync();

        var rotated = await RotateAsync(retailer, source.SourceId, overlapMinutes: 0);

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(Server.Factory, source.WriteKey!));
        Assert.Equal(HttpStatusCode.OK, await SendAsync(Server.Factory, rotated.GetProperty("writeKey").GetString()!));
    }

    [Fact]
    public async Task ARevokedWriteKeyIsRefusedAtOnceHereAndWithinAMomentOnAnotherServer()
    {
        var retailer = await NewRetailerAsync();
        var source = await retailer.AddSourceAsync();
        var keyId = (await retailer.Admin.GetFromJsonAsync<JsonElement>("/api/marketing/sources", Ct))
            .GetProperty("items")[0].GetProperty("writeKeys")[0].GetProperty("keyId").GetString();
        await using var second = new UniRetailFactory(Server.Factory.Database);
        Assert.Equal(HttpStatusCode.OK, await SendAsync(second, source.WriteKey!));

        await (await retailer.Admin.DeleteAsync($"/api/marketing/sources/{source.SourceId}/keys/{keyId}", Ct)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);

        Assert.Equal(HttpStatusCode.Unauthorized, await SendAsync(Server.Factory, source.WriteKey!));
        var refused = false;
        for (var attempt = 0; attempt < 40 && !refused; attempt++)
        {
            refused = await SendAsync(second, source.WriteKey!) == HttpStatusCode.Unauthorized;
            if (!refused)
                await Task.Delay(100, Ct);
        }
        Assert.True(refused, "The second server still took events with the revoked write key after 4 s.");
        await (await retailer.Admin.DeleteAsync($"/api/marketing/sources/{source.SourceId}/keys/{keyId}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_write_key", "keyId");
    }

    [Fact]
    public async Task AnotherTenantsSourceCannotBeRotatedOrItsKeyRevoked()
    {
        var camden = await NewRetailerAsync();
        var brixton = await NewRetailerAsync("Brixton Larder");
        var source = await camden.AddSourceAsync();
        var keyId = (await camden.Admin.GetFromJsonAsync<JsonElement>("/api/marketing/sources", Ct))
            .GetProperty("items")[0].GetProperty("writeKeys")[0].GetProperty("keyId").GetString();

        await (await brixton.Admin.PostAsJsonAsync($"/api/marketing/sources/{source.SourceId}/keys", new { }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_source", "sourceId");
        await (await brixton.Admin.DeleteAsync($"/api/marketing/sources/{source.SourceId}/keys/{keyId}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "marketing.unknown_write_key", "keyId");
        await (await camden.Admin.PostAsJsonAsync($"/api/marketing/sources/{source.SourceId}/keys", new { overlapMinutes = 50_000 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "marketing.bad_overlap", "overlapMinutes");
        Assert.Equal(HttpStatusCode.OK, await SendAsync(Server.Factory, source.WriteKey!));
    }
}

public sealed class WriteKeyRotationSqliteTests(SqliteServer server) : WriteKeyRotationTests(server), IClassFixture<SqliteServer>;

public sealed class WriteKeyRotationPostgresTests(PostgresServer server) : WriteKeyRotationTests(server), IClassFixture<PostgresServer>;
