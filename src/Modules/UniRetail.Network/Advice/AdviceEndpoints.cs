using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Web;

namespace UniRetail.Network.Advice;

internal static class AdviceEndpoints
{
    public static IEndpointRouteBuilder MapAdvice(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/shop/advice", async (string? locationId, Caller caller, ShopAdvice h, CancellationToken ct) => (await h.ForShopAsync(caller, locationId, ct)).ToOk())
            .WithTags("Shop").RequireAuthorization().WithName("Shop.Advice")
            .WithDescription("Assortment and display advice for a shop location: products to add (from its most similar shops on the platform), slow movers to drop, pairs to place side by side, best sellers for eye level, each with its evidence.");
        app.MapGet("/api/network/shops/{agreementId}/advice", async (string agreementId, string? locationId, Caller caller, ShopAdvice h, CancellationToken ct) =>
                (await h.ForPlatformAsync(caller, agreementId, locationId, ct)).ToOk())
            .WithTags("Network").RequireAuthorization().WithName("Network.ShopAdvice")
            .WithDescription("A shop's assortment and display advice as its field representative reads it (the similar shops named); locationId defaults to the shop's first store.");
        app.MapPost("/api/network/advice/refresh", async (Caller caller, ShopProfiles h, CancellationToken ct) => (await h.RefreshAsync(caller, ct)).ToOk())
            .WithTags("Network").RequireAuthorization().WithName("Network.RefreshAdvice")
            .WithDescription("Recomputes the sales profile (the last 8 weeks by SKU) of every store of every shop on the platform, which similar shops are found by.");
        return app;
    }
}
