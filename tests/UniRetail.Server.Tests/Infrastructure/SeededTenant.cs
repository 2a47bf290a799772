using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using UniRetail.Server.Tests.Marketing;
using Xunit;

namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>
/// A tenant with data of every kind, made over HTTP as a retailer makes it: a warehouse and two stores with stock, a
/// product, a receipt, a cart hold at store A, members (one merged into another), orders in several states, a web and a
/// till source with events, projected profiles with a merge, consent, an erased person, and a key of every role.
/// Names carry <see cref="Tag"/>, so one tenant's data is recognised in another tenant's answers.
/// </summary>
public sealed class SeededTenant
{
    private SeededTenant(WebApplicationFactory<Program> factory, Retailer retailer, string tag)
    {
        Factory = factory;
        Retailer = retailer;
        Tag = tag;
    }

    public WebApplicationFactory<Program> Factory { get; }

    public Retailer Retailer { get; }

    /// <summary>Eight hex digits in every name this tenant chose (SKU, e-mails, user ids, references).</summary>
    public string Tag { get; }

    public string TenantId { get; private set; } = "";

    public Location Warehouse { get; private set; } = null!;

    public Location StoreA { get; private set; } = null!;

    public Location StoreB { get; private set; } = null!;

    public IEnumerable<Location> Locations => [Warehouse, StoreA, StoreB];

    public string Sku => $"MUG-{Tag}";

    public string Gtin { get; private set; } = "";

    public string ProductId { get; private set; } = "";

    public string ReceiptId { get; private set; } = "";

    /// <summary>An active promotion: 10% off <see cref="Sku"/>.</summary>
    public string PromotionId { get; private set; } = "";

    /// <summary>An active cart hold of two units at store A.</summary>
    public string CartReference => $"cart-{Tag}";

    public Member Ann { get; private set; } = null!;

    /// <summary>A member merged into <see cref="Ann"/>.</summary>
    public Member Cy { get; private set; } = null!;

    public string AnnEmail => $"ann.{Tag}@example.com";

    /// <summary>One order per status the seed reaches: placed, allocated, picking, ready_for_pickup, shipped, completed, cancelled, partly_returned.</summary>
    public IReadOnlyDictionary<string, Order> Orders { get; private set; } = new Dictionary<string, Order>();

    public Source Web { get; private set; } = null!;

    public Source Till { get; private set; } = null!;

    public string AnnProfileId { get; private set; } = "";

    /// <summary>A profile merge (an app install joined to Ben's web profile by his e-mail), not undone.</summary>
    public string ProfileMergeId { get; private set; } = "";

    public string ErasureId { get; private set; } = "";

    /// <summary>A join (Ann's user id, e-mail and member id attached to her browser's profile by her sign-in), not undone.</summary>
    public string JoinId { get; private set; } = "";

    public ApiKey Integration { get; private set; } = null!;

    public ApiKey Marketer { get; private set; } = null!;

    public ApiKey StaffA { get; private set; } = null!;

    public ApiKey StaffB { get; private set; } = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Admin => Retailer.Admin;

    public static async Task<SeededTenant> CreateAsync(WebApplicationFactory<Program> factory, string name)
    {
        var tenant = new SeededTenant(factory, await Retailer.CreateAsync(factory, name), Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..4]));
        await tenant.SeedCommerceAsync();
        await tenant.SeedDataBankAsync();
        await tenant.SeedKeysAsync();
        return tenant;
    }

    /// <summary>The ids the server gave this tenant's data: they exist in this tenant only.</summary>
    public IEnumerable<string> Ids =>
        new[] { TenantId, Warehouse.Id, StoreA.Id, StoreB.Id, ProductId, ReceiptId, PromotionId, Ann.Id, Cy.Id, Web.SourceId, Till.SourceId, AnnProfileId, ProfileMergeId, JoinId, ErasureId }
            .Concat(Orders.Values.Select(o => o.Id))
            .Concat(new[] { Integration, Marketer, StaffA, StaffB }.Select(k => k.KeyId));

    /// <summary>This tenant's id of the same kind (<c>loc_</c>, <c>ord_</c>, …) as <paramref name="id"/>; null for a kind it has none of.</summary>
    public string? IdLike(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return id[..(id.IndexOf('_', StringComparison.Ordinal) + 1)] switch
        {
            "loc_" => StoreA.Id,
            "ord_" => Orders["allocated"].Id,
            "mem_" => Ann.Id,
            "prof_" => AnnProfileId,
            "mrg_" => ProfileMergeId,
            "join_" => JoinId,
            "rcp_" => ReceiptId,
            "prd_" => ProductId,
            "prm_" => PromotionId,
            "src_" => Till.SourceId,
            "wk_" => Web.WriteKeyId,
            "era_" => ErasureId,
            "key_" => Integration.KeyId,
            _ => null,
        };
    }

    /// <summary>The ids and the names this tenant chose (SKU, GTIN, e-mails, user ids, cart): what its answers may show and no other tenant's.</summary>
    public IEnumerable<string> Markers => Ids.Concat([Sku, Gtin, CartReference, AnnEmail, $"cy.{Tag}@example.com", $"ben.{Tag}@example.com", $"u-ann-{Tag}", $"cookie-{Tag}", $"install-{Tag}"]);

    public async Task<T> SendOkAsync<T>(ApiRequest request, HttpStatusCode status = HttpStatusCode.OK)
    {
        using var client = Factory.CreateClient();
        return await (await client.SendAsync(request.WithBearer(Retailer.AdminToken), Ct)).ShouldBeAsync<T>(status);
    }

    private async Task SeedCommerceAsync()
    {
        TenantId = (await Admin.GetFromJsonAsync<JsonElement>("/api/tenant", Ct)).GetProperty("id").GetString()!;
        Warehouse = await Retailer.AddWarehouseAsync(London.ParkRoyal);
        StoreA = await Retailer.AddStoreAsync(London.CoventGarden, deliveryRadiusKm: 8);
        StoreB = await Retailer.AddStoreAsync(London.Camden, deliveryRadiusKm: 8);
        Gtin = GtinFor(Tag);
        var product = await SendOkAsync<JsonElement>(ApiRequest.Post("/api/catalog/products", new
        {
            code = $"P-{Tag}", name = "Blue mug", category = "Home/Kitchen",
            skus = new[] { new { sku = Sku, gtin = Gtin, name = "Blue mug", price = new { amount = 12.50m, currency = "GBP" } } },
        }), HttpStatusCode.Created);
        ProductId = product.GetProperty("id").GetString()!;
        PromotionId = (await SendOkAsync<JsonElement>(ApiRequest.Post("/api/promotions",
            new { code = $"MUG10-{Tag}", name = "10% off the blue mug", rule = new { kind = "percent_off", skus = new[] { Sku }, percent = 10 } }),
            HttpStatusCode.Created)).GetProperty("id").GetString()!;
        foreach (var location in new[] { Warehouse, StoreA, StoreB })
        {
            var receipt = await SendOkAsync<Receipt>(ApiRequest.Post("/api/inventory/receipts",
                new { locationId = location.Id, reference = $"GRN-{Tag}-{location.Code}", lines = new[] { new { sku = Sku, quantity = 10_000 } } }), HttpStatusCode.Created);
            ReceiptId = ReceiptId.Length == 0 ? receipt.Id : ReceiptId;
        }
        await SendOkAsync<Hold>(ApiRequest.Post("/api/inventory/holds",
            new { reference = CartReference, holdMinutes = 1440, lines = new[] { new { sku = Sku, locationId = StoreA.Id, quantity = 2 } } }), HttpStatusCode.Created);
        Ann = await Retailer.AddMemberAsync("Ann Lee", AnnEmail);
        Cy = await Retailer.AddMemberAsync("Cy Lee", $"cy.{Tag}@example.com");
        await SendOkAsync<JsonElement>(ApiRequest.Post("/api/members/merge", new { sourceId = Cy.Id, targetId = Ann.Id }));
        Orders = await SeedOrdersAsync();
    }

    private async Task<Dictionary<string, Order>> SeedOrdersAsync()
    {
        var orders = new Dictionary<string, Order>
        {
            ["placed"] = await Retailer.PlaceOrderOkAsync(AnOrder.PickupAt(StoreA).WithLine(Sku, 1).Unpaid()),
            ["allocated"] = await Retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(Sku, 1).ForMember(Ann.Id)),
            ["completed"] = await Retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(StoreB).WithLine(Sku, 1).ForMember(Ann.Id)),
        };
        var picking = await Retailer.PlaceOrderOkAsync(AnOrder.PickupAt(StoreB).WithLine(Sku, 1));
        orders["picking"] = await Retailer.MoveAsync(picking, "start-picking");
        var ready = await Retailer.PlaceOrderOkAsync(AnOrder.PickupAt(StoreA).WithLine(Sku, 1));
        orders["ready_for_pickup"] = await Retailer.MoveAsync(await Retailer.MoveAsync(ready, "start-picking"), "ready-for-pickup");
        var shipped = await Retailer.PlaceOrderOkAsync(AnOrder.EndlessAisleAt(StoreA, London.Islington).WithLine(Sku, 1));
        orders["shipped"] = await Retailer.MoveAsync(await Retailer.MoveAsync(shipped, "start-picking"), "ship");
        orders["cancelled"] = await Retailer.MoveAsync(await Retailer.PlaceOrderOkAsync(AnOrder.ShipToHome(London.Islington).WithLine(Sku, 1)), "cancel");
        var returned = await Retailer.PlaceOrderOkAsync(AnOrder.InStoreAt(StoreA).WithLine(Sku, 2));
        orders["partly_returned"] = await SendOkAsync<Order>(ApiRequest.Post($"/api/orders/{returned.Id}/returns",
            new { storeId = StoreB.Id, condition = "resellable", lines = new[] { new { lineNo = 1, quantity = 1 } } }));
        return orders;
    }

    private async Task SeedDataBankAsync()
    {
        Web = await Retailer.AddSourceAsync("web");
        Till = await Retailer.AddSourceAsync("pos", StoreA.Id);
        await IngestAsync(Web, "/v1/batch", new
        {
            batch = new object[]
            {
                new { type = "page", anonymousId = $"cookie-{Tag}", name = "Mugs" },
                new { type = "identify", anonymousId = $"cookie-{Tag}", userId = $"u-ann-{Tag}", traits = new { email = AnnEmail, member_id = Ann.Id, name = "Ann" } },
                new { type = "track", userId = $"u-ann-{Tag}", @event = "Product Viewed", properties = new { sku = Sku } },
                // Ann's phone: a new install joins her profile through her user id (the join the undo calls take back).
                new { type = "track", userId = $"u-ann-{Tag}", anonymousId = $"ann-phone-{Tag}", @event = "Application Opened" },
                new { type = "identify", userId = $"u-ben-{Tag}", traits = new { email = $"ben.{Tag}@example.com" } },
                new { type = "identify", userId = $"u-eve-{Tag}", traits = new { email = $"eve.{Tag}@example.com" } },
            },
        });
        await IngestAsync(Till, "/v1/screen", new { anonymousId = $"install-{Tag}", name = "Till" });
        var ann = await Admin.WaitForProfileAsync("anonymous_id", $"ann-phone-{Tag}");
        AnnProfileId = Id(ann);
        JoinId = ann.GetProperty("identifiers").EnumerateArray().First(i => i.GetProperty("joinId").ValueKind == JsonValueKind.String).GetProperty("joinId").GetString()!;
        await Admin.WaitForProfileAsync("anonymous_id", $"install-{Tag}");
        await Admin.WaitForProfileAsync("email", $"eve.{Tag}@example.com");
        await IngestAsync(Till, "/v1/identify", new { anonymousId = $"install-{Tag}", traits = new { email = $"ben.{Tag}@example.com" } });
        var ben = await Admin.WaitForProfileAsync("anonymous_id", $"install-{Tag}", events: 2);
        ProfileMergeId = (await Admin.AllPagesAsync<JsonElement>($"/api/marketing/profiles/{Id(ben)}/merges"))[0].GetProperty("mergeId").GetString()!;
        await SendOkAsync<JsonElement>(ApiRequest.Put($"/api/marketing/profiles/{AnnProfileId}/consent", new { purposes = new { marketing = true } }));
        ErasureId = (await SendOkAsync<JsonElement>(ApiRequest.Post("/api/marketing/erasures", new { type = "email", value = $"eve.{Tag}@example.com" })))
            .GetProperty("erasureId").GetString()!;
    }

    private async Task SeedKeysAsync()
    {
        Integration = await Retailer.CreateKeyAsync("integration");
        Marketer = await Retailer.CreateKeyAsync("marketer");
        StaffA = await Retailer.CreateKeyAsync("store_staff", StoreA);
        StaffB = await Retailer.CreateKeyAsync("store_staff", StoreB);
    }

    public async Task IngestAsync(Source source, string path, object body)
    {
        using var client = Factory.CreateClient();
        await (await client.SendAsync(ApiRequest.Post(path, body).WithWriteKey(source.WriteKey!), Ct)).ShouldAnswerAsync(HttpStatusCode.OK);
    }

    private static string Id(JsonElement profile) => profile.GetProperty("profileId").GetString()!;

    /// <summary>A GTIN-13 made of the tag's digits and a valid check digit, so each tenant has its own.</summary>
    private static string GtinFor(string tag)
    {
        var payload = "50" + string.Concat(tag.Select(c => (Convert.ToInt32(c.ToString(), 16) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture))) + "12";
        var sum = payload.Reverse().Select((c, i) => (c - '0') * (i % 2 == 0 ? 3 : 1)).Sum();
        return payload + ((10 - (sum % 10)) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
