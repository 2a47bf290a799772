using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Data.Invalidation;
using UniRetail.Identity.ApiKeys;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Identity.Tests;

public abstract class ApiKeyCacheTests(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected override void AddModules(IServiceCollection services) => services.AddIdentityModule();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FindAsync_UnknownKeyIds_AreNeverHeldSoTheyCannotPushRealKeysOut()
    {
        var created = await Get<CreateTenant>().HandleAsync("Camden Goods", "GBP", Ct);
        var keyId = created.Value.AdminKey[..created.Value.AdminKey.IndexOf('.', StringComparison.Ordinal)];
        var cache = Get<ApiKeyCache>();

        Assert.NotNull(await cache.FindAsync(keyId, Ct));
        for (var i = 0; i < 1_000; i++)
            Assert.Null(await cache.FindAsync($"key_{i:x16}", Ct));

        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public async Task RevokeAsync_ForgetsTheKeyThroughTheInvalidationNotice()
    {
        var created = await Get<CreateTenant>().HandleAsync("Camden Goods", "GBP", Ct);
        var admin = Caller.AdminOf(created.Value.TenantId);
        var other = await Get<ManageApiKeys>().CreateAsync(admin, new CreateApiKeyRequest("till", "integration", null), Ct);
        var cache = Get<ApiKeyCache>();
        Assert.NotNull(await cache.FindAsync(other.Value.KeyId, Ct));

        await Get<ManageApiKeys>().RevokeAsync(admin, other.Value.KeyId, Ct);
        var found = await cache.FindAsync(other.Value.KeyId, Ct);

        Assert.NotNull(found?.RevokedAtMs);
        Assert.Equal(0, cache.Count);
        var poller = ActivatorUtilities.CreateInstance<InvalidationPoller>(Host.Services);
        Assert.True(await poller.PollAsync(Ct) >= 1);
    }
}

public sealed class ApiKeyCacheSqliteTests() : ApiKeyCacheTests(DatabaseProvider.Sqlite);

public sealed class ApiKeyCachePostgresTests() : ApiKeyCacheTests(DatabaseProvider.Postgres);
