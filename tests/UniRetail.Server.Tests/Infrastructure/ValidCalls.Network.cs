using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Kernel;
using UniRetail.Network.Agreements;

namespace UniRetail.Server.Tests.Infrastructure;

public sealed partial class ValidCalls
{
    private string? _rep;
    private string? _signedShop;
    private (string TenantId, string Warehouse, string RepId)? _platform;

    /// <summary>The seeded tenant as a platform: a representative of its own (made once).</summary>
    private async Task<string> ARepAsync() =>
        _rep ??= (await T.SendOkAsync<JsonElement>(ApiRequest.Post("/api/network/reps", new { name = $"Rep {Fresh()}", commissionRate = 0.02m }), HttpStatusCode.Created))
            .GetProperty("id").GetString()!;

    /// <summary>A shop the seeded tenant signed up (made once): its agreement id.</summary>
    private async Task<string> ASignedShopAsync() =>
        _signedShop ??= (await T.SendOkAsync<JsonElement>(ApiRequest.Post("/api/network/shops", await SignUpBodyAsync()), HttpStatusCode.Created))
            .GetProperty("agreement").GetProperty("id").GetString()!;

    private string? _signedShopWithStore;

    /// <summary>A shop the seeded tenant signed up, with a store of its own (made once): its agreement id.</summary>
    private async Task<string> ASignedShopWithAStoreAsync()
    {
        if (_signedShopWithStore is null)
        {
            var signed = await T.SendOkAsync<JsonElement>(ApiRequest.Post("/api/network/shops", await SignUpBodyAsync()), HttpStatusCode.Created);
            await Retailer.WithAdminKey(T.Factory, signed.GetProperty("adminKey").GetString()!).AddStoreAsync(London.Camden);
            _signedShopWithStore = signed.GetProperty("agreement").GetProperty("id").GetString()!;
        }
        return _signedShopWithStore;
    }

    private async Task<object> SignUpBodyAsync() =>
        new { name = $"Shop {Fresh()}", repId = await ARepAsync(), warehouseId = T.Warehouse.Id, deliveryDay = "tuesday", sharesCustomers = true, pickupPoint = true };

    /// <summary>The wholesale SKU the seeded tenant's platform sells it: cases of 6, plenty in stock.</summary>
    private string CaseSku => $"CASE-{T.Tag}";

    /// <summary>
    /// The seeded tenant as a shop: on a platform of its own (a wholesaler made once, with a warehouse full of <see cref="CaseSku"/>),
    /// linked again whenever a call before left it.
    /// </summary>
    private async Task EnsureShopAsync()
    {
        if (_platform is null)
        {
            var wholesaler = await Retailer.CreateAsync(T.Factory, $"Wholesaler {T.Tag}");
            var tenant = (await (await wholesaler.Admin.GetAsync("/api/tenant")).ShouldBeAsync<JsonElement>(HttpStatusCode.OK)).GetProperty("id").GetString()!;
            var warehouse = await wholesaler.AddWarehouseAsync(London.ParkRoyal);
            await wholesaler.AddProductAsync(CaseSku);
            await wholesaler.ReceiveAsync(warehouse, CaseSku, 60_000);
            await (await wholesaler.Admin.PutAsJsonAsync($"/api/network/wholesale/{CaseSku}", new { casePack = 6, unitPrice = 0.50m, minimumCases = 1 }))
                .ShouldHaveStatusAsync(HttpStatusCode.OK);
            var rep = (await (await wholesaler.Admin.PostAsJsonAsync("/api/network/reps", new { name = "Rep" })).ShouldBeAsync<JsonElement>(HttpStatusCode.Created))
                .GetProperty("id").GetString()!;
            _platform = (tenant, warehouse.Id, rep);
            _wholesaler = wholesaler;
        }
        var (platform, dc, repId) = _platform.Value;
        var linked = await T.Factory.Services.GetRequiredService<SignUpShop>()
            .LinkAsync(new TenantId(platform), new TenantId(T.TenantId), new AgreementTermsRequest(repId, dc, "tuesday", false, false), CancellationToken.None);
        if (!linked.IsSuccess && linked.Error.Code != "network.already_on_a_platform")
            throw new InvalidOperationException(linked.Error.Message);
    }

    /// <summary>A fresh order of the seeded tenant's shop at <paramref name="store"/>, placed by its admin.</summary>
    private async Task<string> AShopOrderAsync(Location store)
    {
        await EnsureShopAsync();
        return (await T.SendOkAsync<JsonElement>(ApiRequest.Post("/api/shop-orders", new { locationId = store.Id, lines = new[] { new { sku = CaseSku, units = 6 } } }),
            HttpStatusCode.Created)).GetProperty("id").GetString()!;
    }

    private void Add(string operation, Func<Location, Task<ApiRequest>> call, bool asShop) =>
        Add(operation, async store =>
        {
            if (asShop)
                await EnsureShopAsync();
            return await call(store);
        });

    private void AddNetwork()
    {
        Add("Shop.ConfigureSku", store => ApiRequest.Put($"/api/shop/skus/{Sku}", new
        {
            locationId = store.Id, casePack = 6, minimumUnits = 12, leadTimeDays = 1, cycleDays = 7, serviceLevel = 0.95m, onOrder = 0,
        }));
        Add("Shop.RecordSales", store => ApiRequest.Post("/api/shop/sales", new
        {
            locationId = store.Id, days = new[] { new { date = "2026-11-01", sku = Sku, units = 3 } },
        }));
        Add("Shop.Replenishment", store => ApiRequest.Get($"/api/shop/replenishment?locationId={store.Id}"));

        Add("Shop.Agreement", _ => Task.FromResult(ApiRequest.Get("/api/shop/agreement")), asShop: true);
        Add("Shop.LeavePlatform", _ => Task.FromResult(ApiRequest.Post("/api/shop/agreement/leave")), asShop: true);
        Add("Shop.WholesaleCatalog", _ => Task.FromResult(ApiRequest.Get("/api/shop/wholesale")), asShop: true);
        Add("Shop.MapWholesaleSku", _ => Task.FromResult(ApiRequest.Put($"/api/shop/wholesale/{CaseSku}", new { sku = Sku, unitsPerCase = 6 })), asShop: true);
        Add("ShopOrders.Place", store => Task.FromResult(ApiRequest.Post("/api/shop-orders", new { locationId = store.Id, lines = new[] { new { sku = CaseSku, units = 6 } } })
            .WithHeader("Idempotency-Key", $"shop-order-{Fresh()}")), asShop: true);
        Add("ShopOrders.List", _ => Task.FromResult(ApiRequest.Get("/api/shop-orders?limit=5")), asShop: true);
        Add("ShopOrders.Get", async store => ApiRequest.Get($"/api/shop-orders/{await AShopOrderAsync(store)}"));
        Add("ShopOrders.Receive", async store => ApiRequest.Post($"/api/shop-orders/{await AShopOrderAsync(store)}/receive",
            new { lines = new[] { new { lineNo = 1, received = 5, damaged = 1 } } }));

        Add("Network.CreateRep", _ => ApiRequest.Post("/api/network/reps", new { name = $"Rep {Fresh()}", commissionRate = 0.03m }));
        Add("Network.ListReps", _ => ApiRequest.Get("/api/network/reps"));
        Add("Network.SignUpShop", async _ => ApiRequest.Post("/api/network/shops", await SignUpBodyAsync()));
        Add("Network.ListShops", _ => ApiRequest.Get("/api/network/shops"));
        Add("Network.ShopSales", async _ => ApiRequest.Get($"/api/network/shops/{await ASignedShopAsync()}/sales?from=2026-11-01&to=2026-12-01"));
        Add("Network.ShopCustomers", async _ => ApiRequest.Get($"/api/network/shops/{await ASignedShopAsync()}/customers?limit=10"));
        Add("Network.SetWholesaleItem", _ => ApiRequest.Put($"/api/network/wholesale/{Sku}", new
        {
            casePack = 6, unitPrice = 2.00m, casePrice = 11.40m, minimumCases = 2, tiers = new[] { new { fromCases = 20, casePrice = 10.80m } },
        }));
        Add("Network.ListWholesale", _ => ApiRequest.Get("/api/network/wholesale"));
        Add("Network.Commission", _ => ApiRequest.Get("/api/network/commission?from=2026-11-01&to=2026-12-01"));
        Add("Shop.Advice", store => Task.FromResult(ApiRequest.Get($"/api/shop/advice?locationId={store.Id}")), asShop: true);
        Add("Network.ShopAdvice", async _ => ApiRequest.Get($"/api/network/shops/{await ASignedShopWithAStoreAsync()}/advice"));
        Add("Network.RefreshAdvice", _ => ApiRequest.Post("/api/network/advice/refresh"));
        AddPickupPoints();
    }
}
