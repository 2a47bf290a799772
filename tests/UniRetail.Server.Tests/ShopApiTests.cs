using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public sealed record AdviceWhyDto(string Method, double ForecastUnits, int CoverDays, double SafetyStock, int OrderUpTo, int OnHand, int OnOrder, int Shortfall, int CasePack);

public sealed record AdviceLineDto(string Sku, int SuggestedUnits, int Cases, AdviceWhyDto Why);

public sealed record ReplenishmentDto(string LocationId, string AsOf, IReadOnlyList<AdviceLineDto> Lines);

public abstract class ShopApiTests(ServerFixture server) : ServerTests(server)
{
    [Fact]
    public async Task AShopSeesItsSuggestedOrderInWholeCasesWithTheReasonsBehindIt()
    {
        var shop = await NewRetailerAsync("Lu's Corner Shop");
        var store = await shop.AddStoreAsync(London.Camden);
        var noodles = await shop.AddProductAsync("NOODLE-5", 0.80m);
        await shop.ReceiveAsync(store, noodles, 15);
        var till = await shop.KeyForStoreAsync(store);
        await (await till.PutAsJsonAsync($"/api/shop/skus/{noodles}",
            new { locationId = store.Id, casePack = 24, minimumUnits = 48, leadTimeDays = 2, cycleDays = 7, serviceLevel = 0.95m, onOrder = 0 }, Ct))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var days = Enumerable.Range(1, 56).Select(d => new { date = today.AddDays(-d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sku = noodles, units = 12 });
        await (await till.PostAsJsonAsync("/api/shop/sales", new { locationId = store.Id, days }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var advice = await (await till.GetAsync($"/api/shop/replenishment?locationId={store.Id}", Ct)).ShouldBeAsync<ReplenishmentDto>(HttpStatusCode.OK);

        var line = Assert.Single(advice.Lines);
        Assert.Equal(noodles, line.Sku);
        Assert.Equal(15, line.Why.OnHand);
        Assert.Equal(9, line.Why.CoverDays);
        Assert.InRange(line.Why.ForecastUnits, 9 * 11, 9 * 12);
        Assert.True(line.SuggestedUnits >= line.Why.Shortfall && line.SuggestedUnits % 24 == 0, $"{line.SuggestedUnits} for a shortfall of {line.Why.Shortfall}");
        Assert.Equal(line.SuggestedUnits / 24, line.Cases);
    }

    [Fact]
    public async Task ShopInputOutOfRangeAnswersAProblemAtTheFieldAndWritesNothing()
    {
        var shop = await NewRetailerAsync("Wang's shop");
        var store = await shop.AddStoreAsync(London.Greenwich);
        var tea = await shop.AddProductAsync("TEA-20");

        await (await shop.Admin.PutAsJsonAsync($"/api/shop/skus/{tea}", new { locationId = store.Id, casePack = 0 }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "network.bad_case_pack", "casePack");
        await (await shop.Admin.PostAsJsonAsync("/api/shop/sales",
            new { locationId = store.Id, days = new[] { new { date = "2026-11-01", sku = tea, units = 2 }, new { date = "01/11/2026", sku = tea, units = 2 } } }, Ct))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "network.bad_date", "days[1].date");
        await (await shop.Admin.GetAsync("/api/shop/replenishment?locationId=loc_nowhere", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_location", "locationId");

        var advice = await (await shop.Admin.GetAsync($"/api/shop/replenishment?locationId={store.Id}", Ct)).ShouldBeAsync<ReplenishmentDto>(HttpStatusCode.OK);
        Assert.Empty(advice.Lines);
    }

    [Fact]
    public async Task OneShopCannotReadAnotherShopsAdvice()
    {
        var lu = await NewRetailerAsync("Lu's Corner Shop");
        var luStore = await lu.AddStoreAsync(London.Camden);
        var wang = await NewRetailerAsync("Wang's shop");

        await (await wang.Admin.GetAsync($"/api/shop/replenishment?locationId={luStore.Id}", Ct))
            .ShouldBeProblemAsync(HttpStatusCode.NotFound, "network.unknown_location", "locationId");
    }
}

public sealed class ShopApiSqliteTests(SqliteServer server) : ShopApiTests(server), IClassFixture<SqliteServer>;

public sealed class ShopApiPostgresTests(PostgresServer server) : ShopApiTests(server), IClassFixture<PostgresServer>;
