using UniRetail.Data;
using UniRetail.Network.Agreements;
using UniRetail.Network.ShopOrders;
using Xunit;

namespace UniRetail.Network.Tests;

public abstract class ShopOrderTests(DatabaseProvider provider) : ShopNetworkTest(provider)
{
    [Fact]
    public async Task AShopOrdersWholeCasesHeldAtThePlatformsWarehouseForItsNextDeliveryDay()
    {
        var placed = await OrderAsync(Shop, ("MUG-W6", 12), ("BOWL-W4", 4));

        var order = Assert.IsType<PlacedShopOrder>(placed.Value).Order;
        Assert.Equal("placed", order.Status);
        Assert.Equal(new DateOnly(2026, 11, 24), order.DeliveryDate); // ordered Friday 20 November, delivered on the Tuesday after
        Assert.Equal(2 * 2.10m + 3.60m, order.Total.Amount);
        Assert.Equal(["MUG-1", "BOWL-W4"], order.Lines.Select(l => l.Sku));
        Assert.Equal([12, 4], order.Lines.Select(l => l.DeliveredUnits));
        Assert.Equal(12, (await StockAsync(Platform, "MUG-W6", Dc))!.Reserved);
        Assert.Equal(4, (await StockAsync(Platform, "BOWL-W4", Dc))!.Reserved);
    }

    [Theory]
    [InlineData("MUG-W6", 7, "network.off_case_pack", "lines[0].units")]
    [InlineData("MUG-W6", 6, "network.below_minimum", "lines[0].units")]
    [InlineData("MUG-W6", 0, "network.bad_units", "lines[0].units")]
    [InlineData("TEA-W1", 6, "network.unknown_wholesale_sku", "lines[0].sku")]
    [InlineData("BOWL-W4", 44, "inventory.insufficient_stock", "lines[0].units")]
    public async Task AnOrderOffCasePacksBelowTheMinimumOrPastTheStockIsAProblemAtTheFieldAndHoldsNothing(string sku, int units, string code, string field)
    {
        var refused = await OrderAsync(Shop, (sku, units));

        Assert.Equal((code, field), (refused.Error?.Code, refused.Error?.Field));
        Assert.Equal(0, (await StockAsync(Platform, "MUG-W6", Dc))!.Reserved);
        Assert.Equal(0, (await StockAsync(Platform, "BOWL-W4", Dc))!.Reserved);
    }

    [Fact]
    public async Task TheCasePriceFallsOnceTheShopsMonthReachesATier()
    {
        var first = (await OrderAsync(Shop, ("MUG-W6", 18 * 6))).Value.Order.Lines[0];
        var second = (await OrderAsync(Shop, ("MUG-W6", 2 * 6))).Value.Order.Lines[0];
        Time.Advance(TimeSpan.FromDays(11)); // 1 December: a new month starts at the list price again
        var nextMonth = (await OrderAsync(Shop, ("MUG-W6", 2 * 6))).Value.Order.Lines[0];

        Assert.Equal((2.10m, 0), (first.CasePrice.Amount, first.TierFromCases));
        Assert.Equal((1.90m, 20), (second.CasePrice.Amount, second.TierFromCases));
        Assert.Equal(3.80m, second.Total.Amount);
        Assert.Equal((2.10m, 0), (nextMonth.CasePrice.Amount, nextMonth.TierFromCases));
    }

    [Fact]
    public async Task ARetryWithTheSameIdempotencyKeyAnswersTheFirstOrderAndHoldsOnce()
    {
        var request = new ShopOrderRequest(Shop, [new ShopOrderLineRequest("MUG-W6", 12)], null);

        var first = (await OrderAsync(Admin, request, "order-7")).Value;
        var retry = (await OrderAsync(Admin, request, "order-7")).Value;
        var other = await OrderAsync(Admin, request with { Lines = [new ShopOrderLineRequest("MUG-W6", 18)] }, "order-7");

        Assert.False(first.Replayed);
        Assert.True(retry.Replayed);
        Assert.Equal(first.Order, retry.Order with { Lines = first.Order.Lines });
        Assert.Equal(first.Order.Lines, retry.Order.Lines);
        Assert.Equal("network.idempotency_key_reused", other.Error?.Code);
        Assert.Equal(12, (await StockAsync(Platform, "MUG-W6", Dc))!.Reserved);
    }

    [Fact]
    public async Task ConcurrentOrdersForTheLastCasesNeverOversell()
    {
        // 10 cases of bowls; 12 orders of 2 cases at once: 5 can be served.
        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Task.Run(() => OrderAsync(Shop, ("BOWL-W4", 8)))));

        Assert.Equal(5, results.Count(r => r.IsSuccess));
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("inventory.insufficient_stock", r.Error!.Code));
        var bowls = (await StockAsync(Platform, "BOWL-W4", Dc))!;
        Assert.Equal((40, 40), (bowls.OnHand, bowls.Reserved));
    }

    [Fact]
    public async Task ReceivingBooksTheShopsUnitsRecordsShortAndDamagedAndTakesTheCasesOutOfTheWarehouse()
    {
        var order = (await OrderAsync(Shop, ("MUG-W6", 12), ("BOWL-W4", 4))).Value.Order;

        var received = await ReceiveOrderAsync(order.Id, new ReceiveLineRequest(1, 10, 1));

        var view = received.Value;
        Assert.Equal("received", view.Status);
        Assert.Equal((10, 1, 1), (view.Lines[0].ReceivedUnits, view.Lines[0].DamagedUnits, view.Lines[0].ShortUnits));
        Assert.Equal((4, 0, 0), (view.Lines[1].ReceivedUnits, view.Lines[1].DamagedUnits, view.Lines[1].ShortUnits));
        Assert.Equal(10, (await StockAsync(Admin, "MUG-1", Shop))!.OnHand);
        Assert.Equal(4, (await StockAsync(Admin, "BOWL-W4", Shop))!.OnHand);
        var mugs = (await StockAsync(Platform, "MUG-W6", Dc))!;
        Assert.Equal((588, 0), (mugs.OnHand, mugs.Reserved));
        Assert.Equal("network.already_received", (await ReceiveOrderAsync(order.Id)).Error?.Code);
        Assert.Equal(10, (await StockAsync(Admin, "MUG-1", Shop))!.OnHand);
    }

    [Theory]
    [InlineData(13, 0, "network.more_than_delivered", "lines[0].received")]
    [InlineData(10, 3, "network.more_than_delivered", "lines[0].received")]
    [InlineData(-1, 0, "network.bad_received_units", "lines[0].received")]
    public async Task ReceivingMoreThanWasDeliveredIsAProblemAndWritesNothing(int received, int damaged, string code, string field)
    {
        var order = (await OrderAsync(Shop, ("MUG-W6", 12))).Value.Order;

        var refused = await ReceiveOrderAsync(order.Id, new ReceiveLineRequest(1, received, damaged));

        Assert.Equal((code, field), (refused.Error?.Code, refused.Error?.Field));
        Assert.Equal("placed", (await Get<ShopOrderQueries>().GetAsync(Admin, order.Id, None)).Value.Status);
        Assert.Null(await StockAsync(Admin, "MUG-1", Shop));
        Assert.Equal(12, (await StockAsync(Platform, "MUG-W6", Dc))!.Reserved);
    }

    [Fact]
    public async Task FromTheSuggestionToTheOrderToTheDeliveryToTheShelf()
    {
        Assert.True((await ConfigureAsync("MUG-1", new(Shop, 6, 0, LeadTimeDays: 2, CycleDays: 7, ServiceLevel: 0.95m, OnOrder: 0))).IsSuccess);
        Assert.True((await RecordSalesAsync(Shop, Daily("MUG-1", 56, _ => 6))).IsSuccess);
        var suggested = Assert.Single((await AdviseAsync(Shop)).Value.Lines);
        Assert.Equal(54, suggested.SuggestedUnits); // 6 a day over 2 + 7 days, nothing on hand: 9 cases of 6

        var order = (await OrderAsync(Admin, new ShopOrderRequest(Shop, null, FromSuggestion: true))).Value.Order;
        var line = Assert.Single(order.Lines);
        Assert.Equal(("MUG-W6", 9, "MUG-1", 54), (line.WholesaleSku, line.Cases, line.Sku, line.DeliveredUnits));
        var whileOnOrder = Assert.Single((await AdviseAsync(Shop)).Value.Lines);
        Assert.Equal((54, 0), (whileOnOrder.Why.OnOrder, whileOnOrder.SuggestedUnits));

        Assert.True((await ReceiveOrderAsync(order.Id)).IsSuccess);
        var afterDelivery = Assert.Single((await AdviseAsync(Shop)).Value.Lines);
        Assert.Equal((54, 0, 0), (afterDelivery.Why.OnHand, afterDelivery.Why.OnOrder, afterDelivery.SuggestedUnits));
    }

    [Fact]
    public async Task ASuggestionWithNothingThePlatformSellsIsAProblem()
    {
        Assert.True((await ConfigureAsync("BOWL-1", new(Shop, 6, 0, 2, 7, 0.95m, 0))).IsSuccess);
        Assert.True((await RecordSalesAsync(Shop, Daily("BOWL-1", 28, _ => 3))).IsSuccess);

        var refused = await OrderAsync(Admin, new ShopOrderRequest(Shop, null, FromSuggestion: true));

        Assert.Equal(("network.nothing_to_order", "fromSuggestion"), (refused.Error?.Code, refused.Error?.Field));
    }

    [Fact]
    public async Task OneShopNeverReadsOrReceivesAnothersOrder()
    {
        var order = (await OrderAsync(Shop, ("MUG-W6", 12))).Value.Order;
        var stranger = await NewTenantAsync("Wang's shop");

        Assert.Equal("network.unknown_shop_order", (await Get<ShopOrderQueries>().GetAsync(stranger, order.Id, None)).Error?.Code);
        Assert.Equal("network.unknown_shop_order", (await Get<ReceiveShopOrder>().HandleAsync(stranger, order.Id, new([]), None)).Error?.Code);
        Assert.Equal("network.unknown_location", (await OrderAsync(stranger, new ShopOrderRequest(Shop, [new("MUG-W6", 12)], null))).Error?.Code);
        var strangersShop = await AddShopAsync(stranger, "WA", "Wang's shop");
        Assert.Equal("network.not_a_shop", (await OrderAsync(stranger, new ShopOrderRequest(strangersShop, [new("MUG-W6", 12)], null))).Error?.Code);
        Assert.Equal("identity.other_store", (await Get<ReceiveShopOrder>().HandleAsync(StaffOf(OtherShop), order.Id, new([]), None)).Error?.Code);
    }

    [Fact]
    public async Task TheCommissionReportCreditsEachRepresentativeWithTheOrdersOfTheShopsTheySigned()
    {
        await OrderAsync(Shop, ("MUG-W6", 12), ("BOWL-W4", 8));   // 4.20 + 7.20
        await OrderAsync(Shop, ("MUG-W6", 18));                   // 6.30
        var idle = (await Get<ManageReps>().CreateAsync(Platform, new("Li Na", 0.05m), None)).Value;

        var report = (await Get<CommissionReport>().HandleAsync(Platform, "2026-11-01", "2026-12-01", None)).Value;
        var lastMonth = (await Get<CommissionReport>().HandleAsync(Platform, "2026-10-01", "2026-11-01", None)).Value;

        var zhang = report.Reps.Single(r => r.RepId == Rep.Id);
        Assert.Equal((1, 1, 2L, 7L, 17.70m, 0.35m), (zhang.ShopsSigned, zhang.ShopsActive, zhang.Orders, zhang.Cases, zhang.OrderValue.Amount, zhang.Commission.Amount));
        var li = report.Reps.Single(r => r.RepId == idle.Id);
        Assert.Equal((0, 0L, 0m), (li.ShopsSigned, li.Orders, li.Commission.Amount));
        Assert.Equal(0L, lastMonth.Reps.Single(r => r.RepId == Rep.Id).Orders);
        Assert.Equal("network.bad_period", (await Get<CommissionReport>().HandleAsync(Platform, "2026-12-01", "2026-11-01", None)).Error?.Code);
    }
}

public sealed class ShopOrderSqliteTests() : ShopOrderTests(DatabaseProvider.Sqlite);

public sealed class ShopOrderPostgresTests() : ShopOrderTests(DatabaseProvider.Postgres);
