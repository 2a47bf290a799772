using UniRetail.Fulfillment.Contracts;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Orders.Domain;

/// <summary>Which channels may use a fulfilment type, and which kind of location its <c>storeId</c> may name.</summary>
internal static class FulfilmentRules
{
    public static Result<FulfilmentType> Parse(string? name) =>
        FulfilmentTypes.TryParse(name, out var type) ? type : OrderErrors.UnknownFulfilment(name);

    /// <summary>A purchase on the spot or an endless-aisle order starts at a till; home delivery and pickups come from anywhere.</summary>
    public static bool Allows(FulfilmentType type, SalesChannel channel) => type switch
    {
        FulfilmentType.InStorePurchase => channel is SalesChannel.Pos or SalesChannel.ScanAndGo,
        FulfilmentType.EndlessAisle => channel == SalesChannel.Pos,
        _ => channel is not (SalesChannel.Pos or SalesChannel.ScanAndGo),
    };

    /// <summary>
    /// A pickup may be at a store, a partner shop or a pickup point (a network shop's counter); a till sale, an endless-aisle sale and the store credited with a
    /// delivery are the tenant's own stores. A warehouse is never an order's store.
    /// </summary>
    public static bool AllowsStoreAt(FulfilmentType type, LocationKind kind) =>
        kind == LocationKind.Store || (type == FulfilmentType.PickupInStore && kind is LocationKind.PartnerShop or LocationKind.PickupPoint);
}
