using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Network.Replenishment;
using UniRetail.Web;

namespace UniRetail.Network;

internal static class NetworkEndpoints
{
    public static RouteGroupBuilder MapShop(this IEndpointRouteBuilder app)
    {
        var shop = app.MapGroup("/api/shop").WithTags("Shop").RequireAuthorization();
        shop.MapPut("/skus/{sku}", ConfigureAsync).WithName("Shop.ConfigureSku")
            .WithDescription("Sets how the shop reorders a SKU at a location: case pack, minimum order, lead time, delivery cycle, service level, units on order.");
        shop.MapPost("/sales", RecordSalesAsync).WithName("Shop.RecordSales")
            .WithDescription("Records units sold by day and SKU at a location; a day sent again replaces that day.");
        shop.MapGet("/replenishment", AdviseAsync).WithName("Shop.Replenishment")
            .WithDescription("The suggested order for the next delivery of every configured SKU at a location, with the forecast, safety stock and stock behind it.");
        return shop;
    }

    private static async Task<Results<Ok<ShopSkuView>, ProblemHttpResult>> ConfigureAsync(
        string sku, ShopSkuRequest request, Caller caller, ConfigureShopSku handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, sku, request, ct)).ToOk();

    private static async Task<Results<Ok<ShopSalesView>, ProblemHttpResult>> RecordSalesAsync(
        ShopSalesRequest request, Caller caller, RecordShopSales handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, ct)).ToOk();

    private static async Task<Results<Ok<ReplenishmentView>, ProblemHttpResult>> AdviseAsync(
        string? locationId, Caller caller, AdviseReplenishment handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, locationId, ct)).ToOk();
}
