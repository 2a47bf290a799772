using Dapper;
using UniRetail.Catalog.Contracts;
using UniRetail.Catalog.Pricing;
using UniRetail.Catalog.Products;
using UniRetail.Catalog.Skus;
using UniRetail.Data;
using UniRetail.Kernel;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Catalog.Tests;

public abstract class PricingTests(DatabaseProvider provider) : CatalogDatabaseTest(provider)
{
    private static readonly Sku Mug = Sku.Parse("MUG-W").Value;

    private async Task<decimal?> PriceAsync(Caller caller, SalesChannel channel, LocationId? store = null) =>
        (await Get<ISkuPricing>().PriceAsync(caller.Tenant, [Mug], channel, store, Ct)).TryGetValue(Mug, out var price) ? price.UnitPrice.Amount : null;

    private async Task SetOverrideAsync(Caller caller, string? channel, LocationId? location, decimal amount)
    {
        var set = await Get<ManagePriceOverrides>().SetAsync(caller, "MUG-W", new SetOverrideRequest(channel, location?.Value, new PriceRequest(amount, "GBP")), Ct);
        Assert.True(set.IsSuccess, set.Error?.Message);
    }

    [Fact]
    public async Task PriceAsync_Overrides_StoreBeatsChannelBeatsBasePrice()
    {
        var admin = Identity.NewTenant();
        var store = Identity.AddStore(admin.Tenant);
        await CreateAsync(admin, AProduct().WithSku("MUG-W", 12m));
        await SetOverrideAsync(admin, "pos", null, 11m);
        await SetOverrideAsync(admin, null, store, 9.99m);

        Assert.Equal(12m, await PriceAsync(admin, SalesChannel.Web));
        Assert.Equal(11m, await PriceAsync(admin, SalesChannel.Pos));
        Assert.Equal(9.99m, await PriceAsync(admin, SalesChannel.Pos, store));
        Assert.Equal(9.99m, await PriceAsync(admin, SalesChannel.Web, store));
        var prices = (await Get<ISkuPricing>().PriceAsync(admin.Tenant, [Mug], SalesChannel.Web, null, Ct))[Mug];
        Assert.Equal(("Enamel mug", "GBP"), (prices.Name, prices.UnitPrice.Currency.Code));
    }

    [Fact]
    public async Task PriceAsync_AfterBasePriceChange_ReturnsTheNewPriceAtOnce()
    {
        var admin = Identity.NewTenant();
        await CreateAsync(admin, AProduct().WithSku("MUG-W", 12m));
        Assert.Equal(12m, await PriceAsync(admin, SalesChannel.Web));

        var repriced = await Get<UpdateSku>().SetPriceAsync(admin, "MUG-W", new PriceRequest(14.25m, "GBP"), Ct);

        Assert.Equal(14.25m, repriced.Value.Price.Amount);
        Assert.Equal(14.25m, await PriceAsync(admin, SalesChannel.Web));
    }

    [Fact]
    public async Task PriceAsync_AfterOverrideSetAndRemoved_FollowsEachChangeAtOnce()
    {
        var admin = Identity.NewTenant();
        await CreateAsync(admin, AProduct().WithSku("MUG-W", 12m));
        Assert.Equal(12m, await PriceAsync(admin, SalesChannel.App));

        await SetOverrideAsync(admin, "app", null, 10m);
        Assert.Equal(10m, await PriceAsync(admin, SalesChannel.App));

        var removed = await Get<ManagePriceOverrides>().RemoveAsync(admin, "MUG-W", new OverrideTargetRequest("app", null), Ct);
        Assert.True(removed.IsSuccess);
        Assert.Equal(12m, await PriceAsync(admin, SalesChannel.App));
        var again = await Get<ManagePriceOverrides>().RemoveAsync(admin, "MUG-W", new OverrideTargetRequest("app", null), Ct);
        Assert.Equal("catalog.unknown_override", again.ShouldFail().Code);
    }

    [Fact]
    public async Task PriceAsync_ChangeMadeByAnotherProcess_ShowsOnceTheCacheExpires()
    {
        var admin = Identity.NewTenant();
        await CreateAsync(admin, AProduct().WithSku("MUG-W", 12m));
        Assert.Equal(12m, await PriceAsync(admin, SalesChannel.Web));

        await Get<Database>().WriteAsync<int>(async s => await s.Connection.ExecuteAsync(
            "UPDATE catalog_sku SET price_minor = 1500 WHERE tenant_id = @Tenant", new { Tenant = admin.Tenant.Value }, s.Transaction), Ct);

        Assert.Equal(12m, await PriceAsync(admin, SalesChannel.Web));
        Time.Advance(SkuPricing.TimeToLive + TimeSpan.FromSeconds(1));
        Assert.Equal(15m, await PriceAsync(admin, SalesChannel.Web));
    }

    [Fact]
    public async Task PriceAsync_InactiveUnknownAndNewSkus_AreAbsentUntilSellable()
    {
        var admin = Identity.NewTenant();
        var later = Sku.Parse("MUG-LATER").Value;
        await CreateAsync(admin, AProduct().WithSku("MUG-W", 12m));
        Assert.Empty(await Get<ISkuPricing>().PriceAsync(admin.Tenant, [later], SalesChannel.Web, null, Ct));

        await Get<UpdateSku>().SetActiveAsync(admin, "MUG-W", new SkuActiveRequest(false), Ct);
        await CreateAsync(admin, AProduct("MUG-2").WithSku("MUG-LATER", 8m));

        var prices = await Get<ISkuPricing>().PriceAsync(admin.Tenant, [Mug, later], SalesChannel.Web, null, Ct);
        Assert.Equal(later, Assert.Single(prices).Key);
        Assert.False((await Get<SkuQueries>().GetAsync(admin, "MUG-W", Ct)).Value.Active);
    }

    [Fact]
    public async Task SetAsync_LocationOfAnotherTenant_IsUnknownLocation()
    {
        var admin = Identity.NewTenant();
        var otherStore = Identity.AddStore(Identity.NewTenant().Tenant);
        await CreateAsync(admin, AProduct().WithSku("MUG-W", 12m));

        var result = await Get<ManagePriceOverrides>().SetAsync(admin, "MUG-W", new SetOverrideRequest(null, otherStore.Value, new PriceRequest(5m, null)), Ct);

        Assert.Equal(("catalog.unknown_location", ErrorKind.NotFound, "locationId"), (result.ShouldFail().Code, result.ShouldFail().Kind, result.ShouldFail().Field));
        Assert.Equal(0, await CountAsync("catalog_price_override", admin.Tenant));
    }

    [Fact]
    public async Task SetAsync_BadTargetsAndUnknownSku_AreRejected()
    {
        var admin = Identity.NewTenant();
        var store = Identity.AddStore(admin.Tenant);
        var overrides = Get<ManagePriceOverrides>();
        await CreateAsync(admin, AProduct().WithSku("MUG-W", 12m));

        var both = await overrides.SetAsync(admin, "MUG-W", new SetOverrideRequest("web", store.Value, new PriceRequest(5m, null)), Ct);
        var badChannel = await overrides.SetAsync(admin, "MUG-W", new SetOverrideRequest("fax", null, new PriceRequest(5m, null)), Ct);
        var unknownSku = await overrides.SetAsync(admin, "MUG-X", new SetOverrideRequest("web", null, new PriceRequest(5m, null)), Ct);
        var wrongCurrency = await overrides.SetAsync(admin, "MUG-W", new SetOverrideRequest("web", null, new PriceRequest(5m, "USD")), Ct);

        Assert.Equal("catalog.override_target", both.ShouldFail().Code);
        Assert.Equal("channel", badChannel.ShouldFail().Field);
        Assert.Equal("catalog.unknown_sku", unknownSku.ShouldFail().Code);
        Assert.Equal(("catalog.wrong_currency", "price.currency"), (wrongCurrency.ShouldFail().Code, wrongCurrency.ShouldFail().Field));
        Assert.Equal(0, await CountAsync("catalog_price_override", admin.Tenant));
    }

    [Fact]
    public async Task SetPriceAsync_WrongCurrencyOrUnknownSku_ChangesNothing()
    {
        var admin = Identity.NewTenant("GBP");
        await CreateAsync(admin, AProduct().WithSku("MUG-W", 12m));

        var wrongCurrency = await Get<UpdateSku>().SetPriceAsync(admin, "MUG-W", new PriceRequest(14m, "EUR"), Ct);
        var unknown = await Get<UpdateSku>().SetPriceAsync(admin, "MUG-X", new PriceRequest(14m, "GBP"), Ct);

        Assert.Equal(("catalog.wrong_currency", "currency"), (wrongCurrency.ShouldFail().Code, wrongCurrency.ShouldFail().Field));
        Assert.Equal(("catalog.unknown_sku", ErrorKind.NotFound), (unknown.ShouldFail().Code, unknown.ShouldFail().Kind));
        Assert.Equal(12m, await PriceAsync(admin, SalesChannel.Web));
    }

    [Fact]
    public async Task PricesAsync_SkuWithOverrides_ListsTheEffectivePriceOfEveryChannel()
    {
        var admin = Identity.NewTenant();
        var store = Identity.AddStore(admin.Tenant);
        await CreateAsync(admin, AProduct().WithSku("MUG-W", 12m));
        await SetOverrideAsync(admin, "marketplace", null, 13.5m);
        await SetOverrideAsync(admin, null, store, 9m);

        var online = (await Get<SkuQueries>().PricesAsync(admin, "MUG-W", null, Ct)).Value;
        var inStore = (await Get<SkuQueries>().PricesAsync(admin, "MUG-W", store.Value, Ct)).Value;

        Assert.Equal(12m, online.Channels["web"].Amount);
        Assert.Equal(13.5m, online.Channels["marketplace"].Amount);
        Assert.All(inStore.Channels.Values, p => Assert.Equal(9m, p.Amount));
        Assert.Equal(5, inStore.Channels.Count);
        Assert.Equal(2, online.Overrides.Count);
    }
}

public sealed class PricingSqliteTests() : PricingTests(DatabaseProvider.Sqlite);

public sealed class PricingPostgresTests() : PricingTests(DatabaseProvider.Postgres);
