using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Network.Agreements;
using UniRetail.Network.Contracts;
using UniRetail.Network.Replenishment;
using UniRetail.Network.ShopOrders;
using UniRetail.Network.Wholesale;
using UniRetail.Web;
using UniRetail.Web.Paging;

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
        shop.MapGet("/agreement", (Caller caller, ShopAgreements h, CancellationToken ct) => Answer(h.GetAsync(caller, ct))).WithName("Shop.Agreement")
            .WithDescription("The shop's agreement with its platform: what it shares, its delivery day, whether it is a pickup point.");
        shop.MapPost("/agreement/leave", (Caller caller, ShopAgreements h, CancellationToken ct) => Answer(h.LeaveAsync(caller, ct))).WithName("Shop.LeavePlatform")
            .WithDescription("The shop leaves its platform: its data stays its own, the platform sees nothing recorded from now on.");
        shop.MapGet("/wholesale", (Caller caller, ManageWholesale h, CancellationToken ct) => Answer(h.ShopCatalogAsync(caller, ct))).WithName("Shop.WholesaleCatalog")
            .WithDescription("The platform's wholesale catalog with the shop's own SKU and units a case for each item.");
        shop.MapPut("/wholesale/{sku}", (string sku, MappingRequest request, Caller caller, ManageWholesale h, CancellationToken ct) => Answer(h.MapAsync(caller, sku, request, ct)))
            .WithName("Shop.MapWholesaleSku").WithDescription("Maps a wholesale SKU to the shop's own SKU and units a case (a case of 24 becomes 24 units).");

        var orders = app.MapGroup("/api/shop-orders").WithTags("Shop").RequireAuthorization();
        orders.MapPost("/", PlaceOrderAsync).WithName("ShopOrders.Place")
            .WithDescription("Orders whole cases from the platform (or the suggested order, fromSuggestion: true), held at its warehouse for the shop's delivery day; Idempotency-Key makes a retry answer the first order.");
        orders.MapGet("/", ListOrdersAsync).WithName("ShopOrders.List")
            .WithDescription("The shop's orders from its platform, newest first, without their lines: limit (1 to 500, default 100) and the cursor of the page before.");
        orders.MapGet("/{id}", (string id, Caller caller, ShopOrderQueries h, CancellationToken ct) => Answer(h.GetAsync(caller, id, ct))).WithName("ShopOrders.Get")
            .WithDescription("A shop order with its lines, prices, delivery day and what was received.");
        orders.MapPost("/{id}/receive", (string id, ReceiveShopOrderRequest request, Caller caller, ReceiveShopOrder h, CancellationToken ct) => Answer(h.HandleAsync(caller, id, request, ct)))
            .WithName("ShopOrders.Receive")
            .WithDescription("Receives the delivery into the shop's stock in one step, recording short and damaged units per line.");
        return shop;
    }

    public static RouteGroupBuilder MapNetwork(this IEndpointRouteBuilder app)
    {
        var network = app.MapGroup("/api/network").WithTags("Network").RequireAuthorization();
        network.MapPost("/reps", async (RepRequest request, Caller caller, ManageReps h, CancellationToken ct) =>
            (await h.CreateAsync(caller, request, ct)).ToCreated(_ => "/api/network/reps")).WithName("Network.CreateRep")
            .WithDescription("Adds a field representative who signs shops up, with their commission rate.");
        network.MapGet("/reps", async (Caller caller, ManageReps h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(caller, ct))).WithName("Network.ListReps")
            .WithDescription("The platform's field representatives (at most 1,000).");
        network.MapPost("/shops", async (SignUpShopRequest request, Caller caller, SignUpShop h, CancellationToken ct) =>
            (await h.SignUpAsync(caller, request, ct)).ToCreated(_ => "/api/network/shops")).WithName("Network.SignUpShop")
            .WithDescription("A representative signs a new shop up: a tenant of its own with its first admin key (shown once) and its agreement.");
        network.MapGet("/shops", async (Caller caller, ShopAgreements h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(caller, ct))).WithName("Network.ListShops")
            .WithDescription("The platform's shops, past and present (at most 1,000).");
        network.MapGet("/shops/{agreementId}/sales", (string agreementId, string? from, string? to, Caller caller, ShopAgreements h, CancellationToken ct) =>
            Answer(h.SalesAsync(caller, agreementId, from, to, ct))).WithName("Network.ShopSales")
            .WithDescription("What a shop shares: its units sold by SKU over the days in [from, to) it was on the platform.");
        network.MapGet("/shops/{agreementId}/customers", CustomersAsync).WithName("Network.ShopCustomers")
            .WithDescription("The shop's customers who consented to sharing (consent purpose 'sharing'), while its agreement shares customers: contact, name, orders and revenue; limit (1 to 500, default 100) and the cursor of the page before.");
        network.MapPut("/wholesale/{sku}", (string sku, WholesaleItemRequest request, Caller caller, ManageWholesale h, CancellationToken ct) =>
            Answer(h.SetItemAsync(caller, sku, request, ct))).WithName("Network.SetWholesaleItem")
            .WithDescription("Sets a wholesale SKU: case pack, unit and case prices, tier prices by monthly volume, minimum order in cases.");
        network.MapGet("/wholesale", async (Caller caller, ManageWholesale h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(caller, ct)))
            .WithName("Network.ListWholesale").WithDescription("The platform's wholesale catalog (at most 5,000 SKUs).");
        network.MapGet("/commission", (string? from, string? to, Caller caller, CommissionReport h, CancellationToken ct) => Answer(h.HandleAsync(caller, from, to, ct)))
            .WithName("Network.Commission")
            .WithDescription("Per representative: shops signed, their orders placed in [from, to) and the commission on them.");
        return network;
    }

    private static async Task<Results<Ok<Page<SharedCustomer>>, ProblemHttpResult>> CustomersAsync(
        string agreementId, int? limit, string? cursor, Caller caller, ShopAgreements handler, Cursors cursors, CancellationToken ct) =>
        (await cursors.PageAsync(caller, $"shop-customers:{agreementId}", limit, cursor, page => handler.CustomersAsync(caller, agreementId, page, ct))).ToOk();

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Answer<T>(Task<Result<T>> result) => (await result).ToOk();

    private static async Task<Results<Created<ShopOrderView>, Ok<ShopOrderView>, ProblemHttpResult>> PlaceOrderAsync(
        ShopOrderRequest request, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, Caller caller, PlaceShopOrder handler,
        HttpResponse response, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, idempotencyKey, ct)).ToCreatedOrReplayed(p => p.Order, p => p.Replayed, o => $"/api/shop-orders/{o.Id}", response);

    private static async Task<Results<Ok<Page<ShopOrderSummaryView>>, ProblemHttpResult>> ListOrdersAsync(
        int? limit, string? cursor, Caller caller, ShopOrderQueries handler, Cursors cursors, CancellationToken ct) =>
        (await cursors.PageAsync(caller, "shop-orders", limit, cursor, page => handler.ListAsync(caller, page, ct))).ToOk();

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
