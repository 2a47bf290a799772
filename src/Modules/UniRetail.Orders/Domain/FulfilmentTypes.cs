using UniRetail.Fulfillment.Sourcing;
using UniRetail.Kernel;

namespace UniRetail.Orders.Domain;

/// <summary>Fulfilment types as written in the API, and which channels may use them.</summary>
internal static class FulfilmentTypes
{
    public static string ToName(FulfilmentType type) => type switch
    {
        FulfilmentType.ShipToHome => "ship_to_home",
        FulfilmentType.PickupInStore => "pickup_in_store",
        FulfilmentType.SameDayDelivery => "same_day_delivery",
        FulfilmentType.InStorePurchase => "in_store_purchase",
        FulfilmentType.EndlessAisle => "endless_aisle",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static Result<FulfilmentType> Parse(string? name)
    {
        foreach (var type in Enum.GetValues<FulfilmentType>())
        {
            if (ToName(type) == name?.Trim().ToLowerInvariant())
                return type;
        }
        return OrderErrors.UnknownFulfilment(name);
    }

    /// <summary>A purchase on the spot or an endless-aisle order starts at a till; home delivery and pickups come from anywhere.</summary>
    public static bool Allows(FulfilmentType type, SalesChannel channel) => type switch
    {
        FulfilmentType.InStorePurchase => channel is SalesChannel.Pos or SalesChannel.ScanAndGo,
        FulfilmentType.EndlessAisle => channel == SalesChannel.Pos,
        _ => channel is not (SalesChannel.Pos or SalesChannel.ScanAndGo),
    };
}
