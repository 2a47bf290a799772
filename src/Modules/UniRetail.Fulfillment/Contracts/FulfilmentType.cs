namespace UniRetail.Fulfillment.Contracts;

/// <summary>How an order reaches its customer.</summary>
public enum FulfilmentType
{
    /// <summary>Shipped by carrier to the customer's address.</summary>
    ShipToHome,
    /// <summary>Bought online, collected in a store (BOPIS).</summary>
    PickupInStore,
    /// <summary>Delivered today by the nearest open store whose radius reaches the customer.</summary>
    SameDayDelivery,
    /// <summary>Sold at the till: the customer takes the goods.</summary>
    InStorePurchase,
    /// <summary>Bought in a store, shipped from elsewhere.</summary>
    EndlessAisle,
}

/// <summary>Fulfilment types as the API, the events and the database write them: <c>ship_to_home</c>, <c>pickup_in_store</c>, ….</summary>
public static class FulfilmentTypes
{
    /// <summary>Every name, for messages that list them.</summary>
    public const string AllNames = "ship_to_home, pickup_in_store, same_day_delivery, in_store_purchase, endless_aisle";

    /// <summary>The API name of a type.</summary>
    public static string ToName(FulfilmentType type) => type switch
    {
        FulfilmentType.ShipToHome => "ship_to_home",
        FulfilmentType.PickupInStore => "pickup_in_store",
        FulfilmentType.SameDayDelivery => "same_day_delivery",
        FulfilmentType.InStorePurchase => "in_store_purchase",
        FulfilmentType.EndlessAisle => "endless_aisle",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The type an API name (any case, surrounding spaces ignored) stands for; false when it names none.</summary>
    public static bool TryParse(string? name, out FulfilmentType type)
    {
        var wanted = name?.Trim().ToLowerInvariant();
        foreach (var candidate in Enum.GetValues<FulfilmentType>())
        {
            if (ToName(candidate) == wanted)
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }
}
