using System.Net;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public abstract class AuthTests(ServerFixture server) : ServerTests(server)
{
    [Fact]
    public async Task ARequestWithoutAKeyIsUnauthorizedWithProblemDetails()
    {
        var response = await Server.Factory.CreateClient().GetAsync("/api/orders", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "identity.unauthenticated");
        Assert.Contains("Bearer", problem.Detail, StringComparison.Ordinal);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Theory]
    [InlineData("Bearer not-a-key")]
    [InlineData("Bearer key_0123456789abcdef.wrong-secret")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task AMalformedOrUnknownKeyIsUnauthorized(string authorization)
    {
        var client = Server.Factory.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", authorization);

        var response = await client.GetAsync("/api/locations", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "identity.unauthenticated");
    }

    [Fact]
    public async Task AKeyWithTheRightIdButAWrongSecretIsUnauthorized()
    {
        var retailer = await NewRetailerAsync();
        var integration = await retailer.CreateKeyAsync("integration");
        var forged = retailer.ClientWithKey($"{integration.KeyId}.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        var response = await forged.GetAsync("/api/locations", Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "identity.unauthenticated");
    }

    [Fact]
    public async Task ARevokedKeyIsUnauthorizedFromTheNextRequest()
    {
        var retailer = await NewRetailerAsync();
        var integration = await retailer.CreateKeyAsync("integration");
        var client = retailer.ClientWithKey(integration.Token);
        await (await client.GetAsync("/api/locations", Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        await (await retailer.Admin.DeleteAsync($"/api/keys/{integration.KeyId}", Ct)).ShouldHaveStatusAsync(HttpStatusCode.NoContent);
        var response = await client.GetAsync("/api/locations", Ct);

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.Unauthorized, "identity.unauthenticated");
        Assert.Contains("revoked", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTenantEndpointTellsAKeyWhoItIs()
    {
        var retailer = await NewRetailerAsync("Notting Hill Provisions");
        var store = await retailer.AddStoreAsync(London.CoventGarden);
        var staff = await retailer.KeyForStoreAsync(store);

        var tenant = await (await staff.GetAsync("/api/tenant", Ct)).ShouldBeAsync<TenantInfo>(HttpStatusCode.OK);

        Assert.Equal(new TenantInfo("Notting Hill Provisions", "GBP", "store_staff", store.Id), tenant);
    }

    [Fact]
    public async Task OnlyAnAdminKeyCanCreateKeys()
    {
        var retailer = await NewRetailerAsync();
        var integration = retailer.ClientWithKey((await retailer.CreateKeyAsync("integration")).Token);

        var response = await integration.PostAsync("/api/keys", JsonBody("""{"role":"admin"}"""), Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.role_forbidden");
    }

    private static StringContent JsonBody(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private sealed record TenantInfo(string Name, string Currency, string Role, string? StoreId);
}

public sealed class AuthSqliteTests(SqliteServer server) : AuthTests(server), IClassFixture<SqliteServer>;

public sealed class AuthPostgresTests(PostgresServer server) : AuthTests(server), IClassFixture<PostgresServer>;
