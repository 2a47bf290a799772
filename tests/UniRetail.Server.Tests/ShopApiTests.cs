using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Testing;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

public sealed record AdviceWhyDto(string Method, double ForecastUnits, int CoverDays, double SafetyStock, int OrderUpTo, int OnHand, int OnOrder, int Shortfall, int CasePack);

public sealed record AdviceLineDto(string Sku, int SuggestedUnits, int Cases, AdviceWhyDto Why);

public sealed record ReplenishmentDto(string LocationId, string AsOf, IReadOnlyList<AdviceLineDto> Lines);

public abstract class ShopApiTests(ServerFixture server) : ServerTests(server)
{
    /// <summary>Wednesday 2 December 2026, 10:00 London: the advice is as of that day whatever day the tests run.</summary>
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task AShopSeesItsSuggestedOrderInWholeCasesWithTheReasonsBehindIt()
    {
        await using var server = Server.Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_clock)));
        var shop = await Retailer.CreateAsync(server, "Lu's Corner Shop");
        var store = await shop.AddStoreAsync(London.Camden);
        var noodles = await shop.AddProductAsync("NOODLE-5", 0.80m);
        await shop.ReceiveAsync(store, noodles, 15);
        var till = await shop.KeyForStoreAsync(store);
        await (await till.PutAsJsonAsync($"/api/shop/skus/{noodles}",
            new { locationId = store.Id, casePack = 24, minimumUnits = 48, leadTimeDays = 2, cycleDays = 7, serviceLevel = 0.95m, onOrder = 0 }, Ct))
            .ShouldHaveStatusAsync(HttpStatusCode.OK);
        var today = new DateOnly(2026, 12, 2);
        var days = Enumerable.Range(1, 56).Select(d => new { date = today.AddDays(-d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), sku = noodles, units = 12 });
        await (await till.PostAsJsonAsync("/api/shop/sales", new { locationId = store.Id, days }, Ct)).ShouldHaveStatusAsync(HttpStatusCode.OK);

        var advice = await (await till.GetAsync($"/api/shop/replenishment?locationId={store.Id}", Ct)).ShouldBeAsync<ReplenishmentDto>(HttpStatusCode.OK);

        Assert.Equal("2026-12-02", advice.AsOf);
        var line = Assert.Single(advice.Lines);
        Assert.Equal(noodles, line.Sku);
        Assert.Equal(15, line.Why.OnHand);
        Assert.Equal(9, line.Why.CoverDays);
        // 12 a day over 2 + 7 days, no error on a constant series so no safety stock: 108 − 15 on hand = 93 short → 4 cases of 24.
        Assert.Equal(108, line.Why.ForecastUnits, 3);
        Assert.Equal(0, line.Why.SafetyStock, 3);
        Assert.Equal(93, line.Why.Shortfall);
        Assert.Equal((96, 4), (line.SuggestedUnits, line.Cases));
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
