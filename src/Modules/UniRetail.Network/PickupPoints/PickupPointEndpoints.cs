using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Web;

namespace UniRetail.Network.PickupPoints;

/// <summary>Shops as pickup points: the platform's side under /api/network, the shop's counter under /api/shop.</summary>
internal static class PickupPointEndpoints
{
    public static IEndpointRouteBuilder MapPickupPoints(this IEndpointRouteBuilder app)
    {
        var network = app.MapGroup("/api/network").WithTags("Network").RequireAuthorization();
        network.MapPut("/shops/{agreementId}/pickup-point", (string agreementId, PickupPointRequest request, Caller caller, ManagePickupPoints h, CancellationToken ct) =>
            Answer(h.SetAsync(caller, agreementId, request, ct))).WithName("Network.SetPickupPoint")
            .WithDescription("Makes a shop a pickup point of the platform, or changes its terms: the counter's address, position, time zone and opening hours, parcels a day, fee per parcel, days a parcel waits.");
        network.MapDelete("/shops/{agreementId}/pickup-point", (string agreementId, Caller caller, ManagePickupPoints h, CancellationToken ct) =>
            Answer(h.StopAsync(caller, agreementId, ct))).WithName("Network.StopPickupPoint")
            .WithDescription("The shop stops being a pickup point: routing sends it no new parcels; parcels on their way still arrive and are handed over.");
        network.MapGet("/pickup-points", async (Caller caller, ManagePickupPoints h, CancellationToken ct) => TypedResults.Ok(await h.ListAsync(caller, ct)))
            .WithName("Network.PickupPoints").WithDescription("The platform's active pickup points and their terms (at most 10,000).");
        network.MapGet("/pickup-points/near", (double? lat, double? lon, int? limit, Caller caller, FindPickupPoints h, CancellationToken ct) =>
            Answer(h.NearAsync(caller, lat, lon, limit, ct))).WithName("Network.NearbyPickupPoints")
            .WithDescription("The pickup points nearest the customer at lat, lon (limit 1-50, default 10): distance, opening hours, open now, parcels left today; locationId is the storeId a pickup_in_store order names.");
        network.MapGet("/pickup-fees", (string? from, string? to, Caller caller, PickupFees h, CancellationToken ct) => Answer(h.OfPlatformAsync(caller, from, to, ct)))
            .WithName("Network.PickupFees").WithDescription("Per shop: parcels handed over in [from, to) and the fees they earned the shop.");

        var shop = app.MapGroup("/api/shop").WithTags("Shop").RequireAuthorization();
        shop.MapGet("/parcels", (string? status, Caller caller, ParcelCounter h, CancellationToken ct) => Answer(h.ListAsync(caller, status, ct)))
            .WithName("Shop.Parcels").WithDescription("The parcels the shop's platforms send it, newest first (at most 500; status: expected, arrived, handed_over, returned, cancelled).");
        shop.MapPost("/parcels/{id}/arrive", (string id, Caller caller, ParcelCounter h, CancellationToken ct) => Answer(h.ArriveAsync(caller, id, ct)))
            .WithName("Shop.ParcelArrived").WithDescription("The parcel reached the counter: the platform's order is ready for pickup.");
        shop.MapPost("/parcels/{id}/handover", (string id, HandoverRequest request, Caller caller, ParcelCounter h, CancellationToken ct) => Answer(h.HandOverAsync(caller, id, request, ct)))
            .WithName("Shop.HandOverParcel").WithDescription("Hands the parcel over on the customer's code: the platform's order is completed and the fee credited to the shop. Five wrong codes lock the parcel for 15 minutes.");
        shop.MapPost("/parcels/{id}/return", (string id, Caller caller, ParcelCounter h, CancellationToken ct) => Answer(h.ReturnAsync(caller, id, ct)))
            .WithName("Shop.ReturnParcel").WithDescription("Sends an uncollected parcel back to the platform after its hold days (at once when the platform cancelled the order): the order is cancelled.");
        shop.MapGet("/pickup-fees", (string? from, string? to, Caller caller, PickupFees h, CancellationToken ct) => Answer(h.OfShopAsync(caller, from, to, ct)))
            .WithName("Shop.PickupFees").WithDescription("Per platform: the shop's parcels handed over in [from, to) and the fees they earned.");
        return app;
    }

    private static async Task<Results<Ok<T>, ProblemHttpResult>> Answer<T>(Task<Result<T>> result) => (await result).ToOk();
}
