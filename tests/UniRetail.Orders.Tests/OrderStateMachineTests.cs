using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;
using UniRetail.Orders.Domain;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Orders.Tests;

public sealed class OrderStateMachineTests
{
    private static Order AnOrder(FulfilmentType fulfilment, OrderStatus status, params int[] quantities) => new()
    {
        Id = OrderId.New(),
        Channel = SalesChannel.Web,
        Fulfilment = fulfilment,
        Status = status,
        Currency = Currency.Gbp,
        Lines = quantities.Select((q, i) => new OrderLine(i + 1, Sku.FromStored($"SKU-{i + 1}"), $"Item {i + 1}", Quantity.FromStored(q), Money.FromMinor(255, Currency.Gbp), 0)).ToList(),
        Allocations = [new Allocation(1, new LocationId("loc_dc"), quantities.Length > 0 ? quantities[0] : 1)],
        Routing = "{}",
        PlacedAt = new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero),
        Version = 1,
    };

    [Fact]
    public void ShipToHome_HappyPath_MovesThroughEveryStatusWithItsStockEffect()
    {
        var order = AnOrder(FulfilmentType.ShipToHome, OrderStatus.Placed, 2);

        Assert.Equal(StockEffect.ConfirmHolds, order.ConfirmPayment().Value);
        Assert.Equal(StockEffect.None, order.StartPicking().Value);
        Assert.Equal(StockEffect.ConsumeHolds, order.Ship().Value);
        Assert.Equal(StockEffect.None, order.Complete().Value);
        Assert.Equal(OrderStatus.Completed, order.Status);
    }

    [Fact]
    public void Complete_PickupReadyInStore_ConsumesTheHeldStockOnlyNow()
    {
        var order = AnOrder(FulfilmentType.PickupInStore, OrderStatus.ReadyForPickup, 1);

        Assert.Equal(StockEffect.ConsumeHolds, order.Complete().Value);
    }

    [Theory]
    [InlineData("placed")]
    [InlineData("allocated")]
    [InlineData("picking")]
    [InlineData("ready_for_pickup")]
    public void Cancel_BeforeGoodsLeave_ReleasesHolds(string status)
    {
        var order = AnOrder(FulfilmentType.PickupInStore, OrderStatuses.Parse(status), 1);

        Assert.Equal(StockEffect.ReleaseHolds, order.Cancel("customer asked").Value);
        Assert.Equal(OrderStatus.Cancelled, order.Status);
        Assert.Equal("customer asked", order.CancelReason);
    }

    [Theory]
    [InlineData("shipped", "orders.cannot_cancel_shipped")]
    [InlineData("completed", "orders.cannot_cancel_completed")]
    [InlineData("cancelled", "orders.cannot_cancel_cancelled")]
    public void Cancel_AfterGoodsLeft_IsConflictWithStableCode(string statusName, string code)
    {
        var status = OrderStatuses.Parse(statusName);
        var order = AnOrder(FulfilmentType.ShipToHome, status, 1);

        var result = order.Cancel("too late");

        Assert.Equal(code, result.ShouldFail().Code);
        Assert.Equal(ErrorKind.Conflict, result.ShouldFail().Kind);
        Assert.Equal(status, order.Status);
    }

    [Fact]
    public void Ship_CancelledOrder_IsRefused()
    {
        var order = AnOrder(FulfilmentType.ShipToHome, OrderStatus.Cancelled, 1);

        Assert.Equal("orders.cannot_ship_cancelled", order.Ship().ShouldFail().Code);
    }

    [Theory]
    [InlineData("pickup_in_store")]
    [InlineData("same_day_delivery")]
    public void Ship_NotAShippingFulfilment_IsRefused(string fulfilment)
    {
        var order = AnOrder(FulfilmentRules.Parse(fulfilment).Value, OrderStatus.Picking, 1);

        Assert.StartsWith("orders.cannot_ship_", order.Ship().ShouldFail().Code, StringComparison.Ordinal);
        Assert.Equal(OrderStatus.Picking, order.Status);
    }

    [Fact]
    public void Dispatch_OnlySameDayDeliveries_GoOutForDelivery()
    {
        var order = AnOrder(FulfilmentType.SameDayDelivery, OrderStatus.Picking, 1);

        Assert.Equal(StockEffect.ConsumeHolds, order.Dispatch().Value);
        Assert.Equal(OrderStatus.OutForDelivery, order.Status);
    }

    [Fact]
    public void RecordReturn_PartThenRest_IsPartlyThenFullyReturned()
    {
        var order = AnOrder(FulfilmentType.ShipToHome, OrderStatus.Completed, 3, 1);

        Assert.True(order.RecordReturn([(1, Quantity.FromStored(2))]).IsSuccess);
        Assert.Equal(OrderStatus.PartlyReturned, order.Status);
        Assert.True(order.RecordReturn([(1, Quantity.FromStored(1)), (2, Quantity.FromStored(1))]).IsSuccess);
        Assert.Equal(OrderStatus.Returned, order.Status);
        Assert.Equal(Money.FromMinor(4 * 255, Currency.Gbp), order.Refunded);
    }

    [Fact]
    public void RecordReturn_MoreThanSold_IsRefusedAndChangesNothing()
    {
        var order = AnOrder(FulfilmentType.ShipToHome, OrderStatus.Completed, 2);

        var result = order.RecordReturn([(1, Quantity.FromStored(3))]);

        Assert.Equal("orders.return_exceeds_sold", result.ShouldFail().Code);
        Assert.Equal("lines[0].quantity", result.ShouldFail().Field);
        Assert.Equal(0, order.Lines[0].ReturnedQuantity);
        Assert.Equal(OrderStatus.Completed, order.Status);
    }

    [Fact]
    public void RecordReturn_BeforeDelivery_IsRefused()
    {
        var order = AnOrder(FulfilmentType.ShipToHome, OrderStatus.Picking, 2);

        Assert.Equal("orders.cannot_return_picking", order.RecordReturn([(1, Quantity.FromStored(1))]).ShouldFail().Code);
    }

    [Fact]
    public void Total_SumsLinesInTheOrderCurrency()
    {
        var order = AnOrder(FulfilmentType.ShipToHome, OrderStatus.Placed, 2, 3);

        Assert.Equal("12.75 GBP", order.Total.ToString());
    }
}
