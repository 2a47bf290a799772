using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public sealed record OpenBagDto(string Id, string MemberId, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset ExpiresAt, int Lines, long Units);

/// <summary><c>GET /api/bags?storeId=</c>: a store's open bags, newest first, for its staff; a bag checked out leaves the list.</summary>
public abstract class BagListTests(ServerFixture server) : ServerTests(server)
{
    private const string Gtin = "5012345000022";

    [Fact]
    public async Task AStoresOpenBagsAreListedNewestFirstToItsStaffAndACheckedOutBagLeavesTheList()
    {
        var retailer = await NewRetailerAsync();
        var coventGarden = await retailer.AddStoreAsync(London.CoventGarden);
        var camden = await retailer.AddStoreAsync(London.Camden);
        await (await retailer.Admin.PostAsJsonAsync("/api/catalog/products", new
        {
            code = "P-CUP", name = "Cup", category = "Home/Kitchen", skus = new[] { new { sku = "CUP-1", gtin = Gtin, price = new { amount = 6.00m, currency = "GBP" } } },
        }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        await retailer.ReceiveAsync(coventGarden, "CUP-1", 10);
        var ann = await retailer.AddMemberAsync("Ann Lee", $"ann.{Guid.NewGuid():N}@example.com");
        async Task<string> StartAsync(Location store) =>
            (await (await retailer.Admin.PostAsJsonAsync("/api/bags", new { storeId = store.Id, memberId = ann.Id }, Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.Created))
                .GetProperty("id").GetString()!;
        var bags = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            bags.Add(await StartAsync(coventGarden));
            await Task.Delay(2, Ct);
        }
        var elsewhere = await StartAsync(camden);
        await (await retailer.Admin.PostAsJsonAsync($"/api/bags/{bags[1]}/scans?memberId={ann.Id}", new { gtin = Gtin, quantity = 3 }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        var staff = await retailer.KeyForStoreAsync(coventGarden);
        var camdenStaff = await retailer.KeyForStoreAsync(camden);

        var first = await (await staff.GetAsync($"/api/bags?storeId={coventGarden.Id}&limit=2", Ct)).ShouldBeAsync<Page<OpenBagDto>>(HttpStatusCode.OK);
        var all = await staff.AllPagesAsync<OpenBagDto>($"/api/bags?storeId={coventGarden.Id}", limit: 2);

        Assert.Equal([bags[2], bags[1]], first.Items.Select(b => b.Id));
        Assert.NotNull(first.Next);
        Assert.Equal([bags[2], bags[1], bags[0]], all.Select(b => b.Id));
        Assert.Equal((1, 3L, "app"), all.Where(b => b.Id == bags[1]).Select(b => (b.Lines, b.Units, b.StartedBy)).Single());
        Assert.Equal((0, 0L), all.Where(b => b.Id == bags[0]).Select(b => (b.Lines, b.Units)).Single());
        Assert.DoesNotContain(elsewhere, all.Select(b => b.Id));
        Assert.Equal([elsewhere], (await camdenStaff.AllPagesAsync<OpenBagDto>($"/api/bags?storeId={camden.Id}")).Select(b => b.Id));

        await (await camdenStaff.GetAsync($"/api/bags?storeId={coventGarden.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.Forbidden, "identity.other_store", "storeId");
        await (await staff.GetAsync("/api/bags", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "store.required", "storeId");
        await (await staff.GetAsync($"/api/bags?storeId={coventGarden.Id}&limit=501", Ct)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.bad_limit", "limit");
        var stranger = await NewRetailerAsync("Brixton Bazaar");
        await (await stranger.Admin.GetAsync($"/api/bags?storeId={coventGarden.Id}", Ct)).ShouldBeProblemAsync(HttpStatusCode.NotFound, "store.unknown_store", "storeId");

        // The bag with the cup is sold at the till: it is no longer open.
        var session = await (await staff.PostAsJsonAsync($"/api/pos/{coventGarden.Id}/tills/T1/sessions", new { @float = new { amount = 20.00m } }, Ct))
            .ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        await (await staff.PostAsJsonAsync($"/api/pos/{coventGarden.Id}/checkout", new
        {
            sessionId = session.GetProperty("id").GetString(), saleId = "S-BAG-1", bagId = bags[1], payments = new[] { new { type = "cash", amount = new { amount = 20.00m } } },
        }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.Created);
        Assert.Equal([bags[2], bags[0]], (await staff.AllPagesAsync<OpenBagDto>($"/api/bags?storeId={coventGarden.Id}")).Select(b => b.Id));
    }
}

public sealed class BagListSqliteTests(SqliteServer server) : BagListTests(server), IClassFixture<SqliteServer>;

public sealed class BagListPostgresTests(PostgresServer server) : BagListTests(server), IClassFixture<PostgresServer>;
