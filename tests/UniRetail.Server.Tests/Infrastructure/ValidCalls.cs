using System.Net;
using System.Text;
using System.Text.Json;

namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>
/// A request that succeeds, for every operation of the API, against a seeded tenant. A call that changes something gets
/// fresh data of its own first (an order in the right state, a cart hold, a member), so it succeeds each time it is
/// made; <c>store</c> is where a store-scoped call acts.
/// </summary>
public sealed partial class ValidCalls
{
    private readonly SeededTenant _tenant;
    private readonly Dictionary<string, Func<Location, Task<ApiRequest>>> _calls;
    private int _fresh;

    public ValidCalls(SeededTenant tenant)
    {
        _tenant = tenant;
        _calls = new Dictionary<string, Func<Location, Task<ApiRequest>>>(StringComparer.Ordinal);
        AddIdentity();
        AddCatalog();
        AddInventory();
        AddMembers();
        AddLoyalty();
        AddOrders();
        AddMarketing();
        AddEventApi();
        AddPromotions();
        AddNetwork();
        AddStore();
        AddBags();
    }

    public bool Covers(ApiOperation operation) => _calls.ContainsKey(operation.Name);

    public Task<ApiRequest> ForAsync(ApiOperation operation, Location store)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return _calls.TryGetValue(operation.Name, out var call)
            ? call(store)
            : throw new InvalidOperationException($"No valid call is written for {operation.Name}: add one to ValidCalls.");
    }

    private SeededTenant T => _tenant;

    private string Sku => _tenant.Sku;

    /// <summary>A name no earlier call used: <c>{tag}-{n}</c>.</summary>
    /// <summary>A name no earlier call used, <c>{n}x{tag}</c>: never a part of the seeded names such as <c>cart-{tag}</c>.</summary>
    private string Fresh() => $"{Interlocked.Increment(ref _fresh)}x{_tenant.Tag}";

    private void Add(string operation, Func<Location, ApiRequest> call) => _calls.Add(operation, store => Task.FromResult(call(store)));

    private void Add(string operation, Func<Location, Task<ApiRequest>> call) => _calls.Add(operation, call);

    private void AddIdentity()
    {
        Add("GET /health", _ => ApiRequest.Get("/health"));
        Add("Tenant.Get", _ => ApiRequest.Get("/api/tenant"));
        Add("Keys.Create", store => ApiRequest.Post("/api/keys", new { name = "Till key", role = "store_staff", storeId = store.Id }));
        Add("Keys.List", _ => ApiRequest.Get("/api/keys"));
        Add("Keys.Revoke", async _ => ApiRequest.Delete($"/api/keys/{(await T.Retailer.CreateKeyAsync("integration")).KeyId}"));
        Add("Locations.List", _ => ApiRequest.Get("/api/locations"));
        Add("Locations.Get", store => ApiRequest.Get($"/api/locations/{store.Id}"));
        Add("Locations.Create", _ => ApiRequest.Post("/api/locations", new
        {
            code = $"ST-{Fresh()}", name = "Greenwich", kind = "store", address = "Greenwich, London", latitude = London.Greenwich.Latitude,
            longitude = London.Greenwich.Longitude, timeZone = "Europe/London", openingHours = new { monday = "09:00-18:00" },
        }));
        Add("Locations.Update", async store =>
        {
            var current = await T.SendOkAsync<JsonElement>(ApiRequest.Get($"/api/locations/{store.Id}"));
            return ApiRequest.Put($"/api/locations/{store.Id}", current);
        });
    }

    private void AddCatalog()
    {
        Add("Catalog.ListProducts", _ => ApiRequest.Get("/api/catalog/products?category=Home&limit=10"));
        Add("Catalog.GetProduct", _ => ApiRequest.Get($"/api/catalog/products/{T.ProductId}"));
        Add("Catalog.GetSku", _ => ApiRequest.Get($"/api/catalog/skus/{Sku}"));
        Add("Catalog.FindSkuByGtin", _ => ApiRequest.Get($"/api/catalog/skus/by-gtin/{T.Gtin}"));
        Add("Catalog.GetSkuPrices", store => ApiRequest.Get($"/api/catalog/skus/{Sku}/prices?locationId={store.Id}"));
        Add("Catalog.CreateProduct", _ =>
        {
            var code = Fresh();
            return ApiRequest.Post("/api/catalog/products", new
            {
                code = $"P-{code}", name = "Teapot", description = "Stoneware", category = "Home/Kitchen", attributes = new { material = "stoneware" },
                skus = new[] { new { sku = $"POT-{code}", name = "Teapot", attributes = new { colour = "white" }, price = new { amount = 24.00m, currency = "GBP" } } },
            });
        });
        Add("Catalog.SetSkuPrice", _ => ApiRequest.Put($"/api/catalog/skus/{Sku}/price", new { amount = 12.50m, currency = "GBP" }));
        Add("Catalog.SetSkuActive", _ => ApiRequest.Put($"/api/catalog/skus/{Sku}/active", new { active = true }));
        Add("Catalog.SetPriceOverride", store => ApiRequest.Put($"/api/catalog/skus/{Sku}/overrides", new { locationId = store.Id, price = new { amount = 11.00m, currency = "GBP" } }));
        Add("Catalog.RemovePriceOverride", async store =>
        {
            await T.SendOkAsync<JsonElement>(ApiRequest.Put($"/api/catalog/skus/{Sku}/overrides", new { channel = "app", price = new { amount = 11.50m, currency = "GBP" } }));
            return ApiRequest.Delete($"/api/catalog/skus/{Sku}/overrides", new { channel = "app" });
        });
        Add("Catalog.Import", _ =>
        {
            var code = Fresh();
            return new ApiRequest(HttpMethod.Post, "/api/catalog/import")
            {
                ContentType = "text/csv",
                Body = Encoding.UTF8.GetBytes($"product_code,product_name,category,sku,gtin,price,attributes\nP-{code},Jug,Home/Kitchen,JUG-{code},,9.99,colour=white\n"),
            };
        });
    }

    private void AddInventory()
    {
        Add("Inventory.Levels", store => ApiRequest.Get($"/api/inventory/levels?sku={Sku}&locationId={store.Id}"));
        Add("Inventory.Atp", _ => ApiRequest.Get($"/api/inventory/atp/{Sku}"));
        Add("Inventory.Ledger", store => ApiRequest.Get($"/api/inventory/ledger?sku={Sku}&locationId={store.Id}&limit=10"));
        Add("Inventory.LedgerCheck", _ => ApiRequest.Get("/api/inventory/ledger/check"));
        Add("Inventory.Receive", store => ApiRequest.Post("/api/inventory/receipts", new { locationId = store.Id, reference = $"GRN-{Fresh()}", lines = new[] { new { sku = Sku, quantity = 5 } } }));
        Add("Inventory.Receipt", _ => ApiRequest.Get($"/api/inventory/receipts/{T.ReceiptId}"));
        Add("Inventory.Adjust", store => ApiRequest.Post("/api/inventory/adjustments", new { sku = Sku, locationId = store.Id, delta = 1, reason = "found in the back room" }));
        Add("Inventory.Transfer", store => ApiRequest.Post("/api/inventory/transfers", new { sku = Sku, fromLocationId = store.Id, toLocationId = T.Warehouse.Id, quantity = 1 }));
        Add("Inventory.SafetyStock", store => ApiRequest.Put("/api/inventory/safety-stock", new { sku = Sku, locationId = store.Id, safetyStock = 0 }));
        Add("Inventory.Hold", store => ACart($"cart-{Fresh()}", store));
        Add("Inventory.ConfirmHold", async store => ApiRequest.Post($"/api/inventory/holds/{await FreshCartAsync(store)}/confirm"));
        Add("Inventory.ReleaseHold", async store => ApiRequest.Delete($"/api/inventory/holds/{await FreshCartAsync(store)}"));
    }

    private ApiRequest ACart(string reference, Location store) =>
        ApiRequest.Post("/api/inventory/holds", new { reference, holdMinutes = 30, lines = new[] { new { sku = Sku, locationId = store.Id, quantity = 1 } } });

    private async Task<string> FreshCartAsync(Location store)
    {
        var reference = $"cart-{Fresh()}";
        await T.SendOkAsync<Hold>(ACart(reference, store), HttpStatusCode.Created);
        return reference;
    }

    private void AddMembers()
    {
        Add("Members.Register", _ => ARegistration());
        Add("Members.Get", _ => ApiRequest.Get($"/api/members/{T.Ann.Id}"));
        Add("Members.Lookup", _ => ApiRequest.Get($"/api/members/lookup?kind=email&value={Uri.EscapeDataString(T.AnnEmail)}"));
        Add("Members.ListMerges", _ => ApiRequest.Get($"/api/members/{T.Ann.Id}/merges"));
        Add("Members.AddIdentifier", _ => ApiRequest.Post($"/api/members/{T.Ann.Id}/identifiers", new { kind = "loyalty_card", value = FreshCard() }));
        Add("Members.RemoveIdentifier", async _ =>
        {
            var card = FreshCard();
            await T.SendOkAsync<JsonElement>(ApiRequest.Post($"/api/members/{T.Ann.Id}/identifiers", new { kind = "loyalty_card", value = card }), HttpStatusCode.Created);
            return ApiRequest.Delete($"/api/members/{T.Ann.Id}/identifiers/loyalty_card/{card}");
        });
        Add("Members.Merge", async _ =>
        {
            var source = await T.SendOkAsync<Member>(ARegistration(), HttpStatusCode.Created);
            var target = await T.SendOkAsync<Member>(ARegistration(), HttpStatusCode.Created);
            return ApiRequest.Post("/api/members/merge", new { sourceId = source.Id, targetId = target.Id });
        });
    }

    private string FreshCard() => $"LC{Fresh().ToUpperInvariant()}";

    private ApiRequest ARegistration() =>
        ApiRequest.Post("/api/members", new { displayName = "Dee Park", identifiers = new[] { new { kind = "email", value = $"dee.{Fresh()}@example.com" } } });
}
