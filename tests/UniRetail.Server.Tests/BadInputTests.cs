using System.Net;
using System.Net.Http.Json;
using System.Text;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests;

/// <summary>Every rejected request answers with a problem naming the field, and leaves no order, hold or stock movement behind.</summary>
public abstract class BadInputTests(ServerFixture server) : ShopTests(server)
{
    private static Task<HttpResponseMessage> PostRawAsync(Retailer retailer, string json) =>
        retailer.Admin.PostAsync("/api/orders", new StringContent(json, Encoding.UTF8, "application/json"), Ct);

    [Fact]
    public async Task PlacingAnOrderForAnUnknownSkuReturnsProblemDetails()
    {
        var (retailer, warehouse) = await AShopAsync();

        var response = await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(Sku, 1).WithLine("MUG-GOLD", 1));

        var problem = await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "orders.unknown_sku", "lines[1].sku");
        Assert.Contains("MUG-GOLD", problem.Detail, StringComparison.Ordinal);
        Assert.NotNull(problem.TraceId);
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public async Task AQuantityBelowOneIsRejectedNamingTheLine(int quantity)
    {
        var (retailer, warehouse) = await AShopAsync();

        var response = await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(Sku, quantity));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "quantity.not_positive", "lines[0].quantity");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task AnOrderInAnotherCurrencyIsRejected()
    {
        var (retailer, warehouse) = await AShopAsync();

        var response = await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(Sku, 1).InCurrency("EUR"));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.wrong_currency", "currency");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task MalformedJsonIsABadRequest()
    {
        var (retailer, warehouse) = await AShopAsync();

        var response = await PostRawAsync(retailer, """{"channel": "web", "fulfilment": "ship_to_home", "lines": [{"sku": "MUG-BLUE", """);

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task AValueOfTheWrongTypeIsABadRequestNamingTheField()
    {
        var (retailer, warehouse) = await AShopAsync();

        var response = await PostRawAsync(retailer,
            """{"channel": "web", "fulfilment": "ship_to_home", "destination": {"latitude": 51.5265, "longitude": -0.078}, "lines": [{"sku": "MUG-BLUE", "quantity": "two"}]}""");

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "request.malformed", "lines[0].quantity");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task AnUnknownFulfilmentTypeIsRejected()
    {
        var (retailer, warehouse) = await AShopAsync();

        var response = await retailer.PlaceOrderAsync(new OrderBuilder("web", "drone_drop", null, London.Shoreditch).WithLine(Sku, 1));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "orders.unknown_fulfilment", "fulfilment");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task AHomeDeliveryWithoutADestinationIsRejected()
    {
        var (retailer, warehouse) = await AShopAsync();

        var response = await retailer.PlaceOrderAsync(new OrderBuilder("web", "ship_to_home", null, null).WithLine(Sku, 1));

        await response.ShouldBeProblemAsync(HttpStatusCode.BadRequest, "fulfillment.destination_required", "destination");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task AskingForMoreThanTheNetworkHasIsAConflictAndHoldsNothing()
    {
        var (retailer, warehouse) = await AShopAsync();

        var response = await retailer.PlaceOrderAsync(AnOrder.ShipToHome(London.Shoreditch).WithLine(Sku, 11));

        await response.ShouldBeProblemAsync(HttpStatusCode.Conflict, "fulfillment.no_location_can_fulfil");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task AReceiptAtAnUnknownLocationIsNotFoundAndBooksNothing()
    {
        var (retailer, warehouse) = await AShopAsync();

        var receipt = new { locationId = "loc_nowhere", reference = "GRN-1", lines = new[] { new { sku = Sku, quantity = 5 } } };
        var response = await retailer.Admin.PostAsJsonAsync("/api/inventory/receipts", receipt, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "inventory.unknown_location", "locationId");
        await NothingWasWrittenAsync(retailer, warehouse);
    }

    [Fact]
    public async Task AReceiptWithOneUnknownSkuBooksNoneOfItsLines()
    {
        var (retailer, warehouse) = await AShopAsync();

        var receipt = new { locationId = warehouse.Id, reference = "GRN-2", lines = new[] { new { sku = Sku, quantity = 5 }, new { sku = "MUG-GOLD", quantity = 5 } } };
        var response = await retailer.Admin.PostAsJsonAsync("/api/inventory/receipts", receipt, Ct);

        await response.ShouldBeProblemAsync(HttpStatusCode.NotFound, "inventory.unknown_sku", "lines[1].sku");
        await NothingWasWrittenAsync(retailer, warehouse);
    }
}

public sealed class BadInputSqliteTests(SqliteServer server) : BadInputTests(server), IClassFixture<SqliteServer>;

public sealed class BadInputPostgresTests(PostgresServer server) : BadInputTests(server), IClassFixture<PostgresServer>;
