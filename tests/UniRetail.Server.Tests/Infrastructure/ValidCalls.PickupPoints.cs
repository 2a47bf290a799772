using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace UniRetail.Server.Tests.Infrastructure;

public sealed partial class ValidCalls
{
    /// <summary>The platform the seeded tenant is a shop of (made by <see cref="EnsureShopAsync"/>).</summary>
    private Retailer? _wholesaler;

    private static object PointTerms => new
    {
        address = "12 Parkway, Camden", latitude = London.Camden.Latitude, longitude = London.Camden.Longitude, timeZone = "Europe/London",
        parcelCapacity = 10_000, feePerParcel = 0.30m, holdDays = 7,
    };

    /// <summary>
    /// A fresh parcel at the seeded tenant's counter: the seeded tenant, a shop on its wholesaler, is made its pickup point (again
    /// after a call before left); the wholesaler places a paid pickup order there; arrived when asked. Its id and handover code.
    /// </summary>
    private async Task<(string Parcel, string Code, string Order)> AParcelAsync(bool arrived)
    {
        await EnsureShopAsync();
        var agreement = (await T.SendOkAsync<JsonElement>(ApiRequest.Get("/api/shop/agreement"))).GetProperty("id").GetString()!;
        var wholesaler = _wholesaler!;
        var point = await (await wholesaler.Admin.PutAsJsonAsync($"/api/network/shops/{agreement}/pickup-point", PointTerms)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        var order = await (await wholesaler.Admin.PostAsJsonAsync("/api/orders", new
        {
            channel = "web", fulfilment = "pickup_in_store", storeId = point.GetProperty("locationId").GetString(), paymentCaptured = true,
            lines = new[] { new { sku = CaseSku, quantity = 1 } },
        })).ShouldBeAsync<JsonElement>(HttpStatusCode.Created);
        var orderId = order.GetProperty("id").GetString()!;
        var parcels = (await T.SendOkAsync<JsonElement>(ApiRequest.Get("/api/shop/parcels?status=expected"))).GetProperty("parcels");
        var parcel = parcels.EnumerateArray().Single(p => string.Equals(p.GetProperty("label").GetString(), orderId[^8..], StringComparison.OrdinalIgnoreCase)).GetProperty("id").GetString()!;
        if (arrived)
            await T.SendOkAsync<JsonElement>(ApiRequest.Post($"/api/shop/parcels/{parcel}/arrive"));
        return (parcel, order.GetProperty("handoverCode").GetString()!, orderId);
    }

    private void AddPickupPoints()
    {
        Add("Network.SetPickupPoint", async _ => ApiRequest.Put($"/api/network/shops/{await ASignedShopAsync()}/pickup-point", PointTerms));
        Add("Network.StopPickupPoint", async _ =>
        {
            var shop = (await T.SendOkAsync<JsonElement>(ApiRequest.Post("/api/network/shops", await SignUpBodyAsync()), HttpStatusCode.Created))
                .GetProperty("agreement").GetProperty("id").GetString()!;
            await T.SendOkAsync<JsonElement>(ApiRequest.Put($"/api/network/shops/{shop}/pickup-point", PointTerms));
            return ApiRequest.Delete($"/api/network/shops/{shop}/pickup-point");
        });
        Add("Network.PickupPoints", _ => ApiRequest.Get("/api/network/pickup-points"));
        Add("Network.NearbyPickupPoints", _ => ApiRequest.Get("/api/network/pickup-points/near?lat=51.53&lon=-0.14&limit=5"));
        Add("Network.PickupFees", _ => ApiRequest.Get("/api/network/pickup-fees?from=2026-11-01&to=2026-12-01"));

        Add("Shop.Parcels", _ => Task.FromResult(ApiRequest.Get("/api/shop/parcels")), asShop: true);
        Add("Shop.ParcelArrived", async _ => ApiRequest.Post($"/api/shop/parcels/{(await AParcelAsync(arrived: false)).Parcel}/arrive"));
        Add("Shop.HandOverParcel", async _ =>
        {
            var (parcel, code, _) = await AParcelAsync(arrived: true);
            return ApiRequest.Post($"/api/shop/parcels/{parcel}/handover", new { code });
        });
        Add("Shop.ReturnParcel", async _ =>
        {
            // Cancelled by the platform after it arrived: the counter sends it back at once.
            var (parcel, _, order) = await AParcelAsync(arrived: true);
            await (await _wholesaler!.Admin.PostAsJsonAsync($"/api/orders/{order}/cancel", new { reason = "customer cancelled" })).ShouldHaveStatusAsync(HttpStatusCode.OK);
            return ApiRequest.Post($"/api/shop/parcels/{parcel}/return");
        });
        Add("Shop.PickupFees", _ => Task.FromResult(ApiRequest.Get("/api/shop/pickup-fees?from=2026-11-01&to=2026-12-01")), asShop: true);
    }
}
