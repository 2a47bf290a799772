using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Managing;
using UniRetail.Promotions.Pricing;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Promotions;

internal static class PromotionsEndpoints
{
    public static IEndpointRouteBuilder MapPromotions(this IEndpointRouteBuilder app)
    {
        var promotions = app.MapGroup("/api/promotions").WithTags("Promotions").RequireAuthorization();
        promotions.MapPost("/", CreateAsync).WithName("Promotions.Create");
        promotions.MapGet("/", ListAsync).WithName("Promotions.List");
        promotions.MapGet("/{id}", GetAsync).WithName("Promotions.Get");
        promotions.MapPut("/{id}", UpdateAsync).WithName("Promotions.Update")
            .WithDescription("Replaces the promotion; 'version' is the version read, and a promotion changed since answers 409 promotions.version_conflict.");
        promotions.MapDelete("/{id}", DeactivateAsync).WithName("Promotions.Deactivate")
            .WithDescription("Deactivates the promotion: it prices nothing from now on and stays readable for the orders that name it.");

        var baskets = app.MapGroup("/api/baskets").WithTags("Promotions").RequireAuthorization();
        baskets.MapPost("/price", PriceAsync).WithName("Promotions.PriceBasket")
            .WithDescription("Prices a basket with the tenant's active promotions. Changes nothing.");
        return app;
    }

    private static async Task<Results<Created<PromotionView>, ProblemHttpResult>> CreateAsync(
        PromotionRequest request, Caller caller, SavePromotion handler, CancellationToken ct) =>
        (await handler.CreateAsync(caller, request, ct)).ToCreated(p => $"/api/promotions/{p.Id}");

    private static async Task<Results<Ok<Page<PromotionView>>, ProblemHttpResult>> ListAsync(
        bool? active, int? limit, string? cursor, Caller caller, PromotionQueries queries, Cursors cursors, CancellationToken ct) =>
        (await cursors.PageAsync(caller, "promotions.list", limit, cursor, page => queries.ListAsync(caller, active, page, ct))).ToOk();

    private static async Task<Results<Ok<PromotionView>, ProblemHttpResult>> GetAsync(string id, Caller caller, PromotionQueries queries, CancellationToken ct) =>
        (await queries.GetAsync(caller, new PromotionId(id), ct)).ToOk();

    private static async Task<Results<Ok<PromotionView>, ProblemHttpResult>> UpdateAsync(
        string id, PromotionRequest request, Caller caller, SavePromotion handler, CancellationToken ct) =>
        (await handler.UpdateAsync(caller, new PromotionId(id), request, ct)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeactivateAsync(string id, Caller caller, SavePromotion handler, CancellationToken ct) =>
        (await handler.DeactivateAsync(caller, new PromotionId(id), ct)).ToNoContent();

    private static async Task<Results<Ok<PricedBasketView>, ProblemHttpResult>> PriceAsync(
        PriceBasketRequest request, Caller caller, PriceBasket handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, ct)).ToOk();
}
