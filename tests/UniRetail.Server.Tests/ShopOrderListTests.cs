using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public sealed record ShopOrderSummaryDto(string Id, string LocationId, string Status, string DeliveryDate, MoneyDto Total, DateTimeOffset PlacedAt, DateTimeOffset? ReceivedAt);

/// <summary><c>GET /api/shop-orders</c>: the shop's own orders, newest first, a page at a time; nobody else's.</summary>
public abstract class ShopOrderListTests(ServerFixture server) : ServerTests(server)
{
    private const string Rice = "RICE-W6";

    [Fact]
    public async Task AShopListsItsOwnOrdersNewestFirstPageByPageAndNoOtherTenantSeesThem()
    {
        var platform = await NewRetailerAsync("Ningbo Wholesale");
        var dc = await platform.AddWarehouseAsync(London.ParkRoyal);
        await platform.AddProductAsync(Rice, 6.00m);
        await platform.ReceiveAsync(dc, Rice, 600);
        await (await platform.Admin.PutAsJsonAsync($"/api/network/wholesale/{Rice}", new { casePack = 6, unitPrice = 1.00m, minimumCases = 1 }, Ct))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var rep = await (await platform.Admin.PostAsJsonAsync("/api/network/reps", new { name = "Li Na" }, Ct)).ShouldBeAsync<RepDto>(HttpStatusCode.Created);
        var signed = await (await platform.Admin.PostAsJsonAsync("/api/network/shops", new { name = "Chen's", repId = rep.Id, warehouseId = dc.Id }, Ct))
            .ShouldBeAsync<SignedUpShopDto>(HttpStatusCode.Created);
        var shop = Retailer.WithAdminKey(Server.Factory, signed.AdminKey);
        var store = await shop.AddStoreAsync(London.Camden);
        Assert.Empty((await (await shop.Admin.GetAsync("/api/shop-orders", Ct)).ShouldBeAsync<Page<ShopOrderSummaryDto>>(HttpStatusCode.OK)).Items);

        var placed = new List<ShopOrderDto>();
        for (var i = 1; i <= 5; i++)
            placed.Add(await (await shop.Admin.PostAsJsonAsync("/api/shop-orders", new { locationId = store.Id, lines = new[] { new { sku = Rice, units = 6 * i } } }, Ct))
                .ShouldBeAsync<ShopOrderDto>(HttpStatusCode.Created));
        await (await shop.Admin.PostAsJsonAsync($"/api/shop-orders/{placed[0].Id}/receive", new { }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var first = await (await shop.Admin.GetAsync("/api/shop-orders?limit=2", Ct)).ShouldBeAsync<Page<ShopOrderSummaryDto>>(HttpStatusCode.OK);
        var all = await shop.Admin.AllPagesAsync<ShopOrderSummaryDto>("/api/shop-orders", limit: 2);

        Assert.Equal(2, first.Items.Count);
        Assert.NotNull(first.Next);
        // Newest first: placed one after another, the last placed comes first (ties on the millisecond go by id, the same way on every page).
        Assert.Equal(placed.Select(o => o.Id).ToHashSet(), all.Select(o => o.Id).ToHashSet());
        Assert.Equal(5, all.Select(o => o.Id).Distinct().Count());
        Assert.True(all.Zip(all.Skip(1)).All(p => p.First.PlacedAt >= p.Second.PlacedAt));
        var oldest = all.Single(o => o.Id == placed[0].Id);
        Assert.Equal(("received", 6.00m, store.Id), (oldest.Status, oldest.Total.Amount, oldest.LocationId));
        Assert.NotNull(oldest.ReceivedAt);
        Assert.Equal(30.00m, all.Single(o => o.Id == placed[4].Id).Total.Amount);
        Assert.All(all.Where(o => o.Id != placed[0].Id), o => Assert.Equal("placed", o.Status));

        // The platform and a stranger list none of the shop's orders; a cursor works only for the list and tenant it came from.
        Assert.Empty((await (await platform.Admin.GetAsync("/api/shop-orders", Ct)).ShouldBeAsync<Page<ShopOrderSummaryDto>>(HttpStatusCode.OK)).Items);
        await (await platform.Admin.GetAsync($"/api/shop-orders?cursor={Uri.EscapeDataString(first.Next!)}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.bad_cursor", "cursor");
        await (await shop.Admin.GetAsync("/api/shop-orders?limit=501", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.bad_limit", "limit");
        await (await shop.Admin.GetAsync("/api/shop-orders?limit=0", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.bad_limit", "limit");

        // A shop that left keeps its orders.
        await (await shop.Admin.PostAsync("/api/shop/agreement/leave", null, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);
        Assert.Equal(5, (await shop.Admin.AllPagesAsync<ShopOrderSummaryDto>("/api/shop-orders")).Count);
    }
}

public sealed class ShopOrderListSqliteTests(SqliteServer server) : ShopOrderListTests(server), IClassFixture<SqliteServer>;

public sealed class ShopOrderListPostgresTests(PostgresServer server) : ShopOrderListTests(server), IClassFixture<PostgresServer>;
