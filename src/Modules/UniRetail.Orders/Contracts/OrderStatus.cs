namespace UniRetail.Orders.Contracts;

/// <summary>Where an order is in its life. It changes only through the order's business verbs.</summary>
public enum OrderStatus
{
    /// <summary>Placed, payment not captured yet: the stock hold expires.</summary>
    Placed,
    /// <summary>Paid: the stock is held until the goods leave.</summary>
    Allocated,
    /// <summary>Being picked.</summary>
    Picking,
    /// <summary>Waiting in the store for the customer.</summary>
    ReadyForPickup,
    /// <summary>Handed to the carrier.</summary>
    Shipped,
    /// <summary>Out with the store's courier.</summary>
    OutForDelivery,
    /// <summary>Collected, delivered or sold at the till.</summary>
    Completed,
    /// <summary>Cancelled before the goods left; the stock went back on sale.</summary>
    Cancelled,
    /// <summary>Some units came back.</summary>
    PartlyReturned,
    /// <summary>Every unit came back.</summary>
    Returned,
}

/// <summary>Order statuses as the API, the events and the database write them: <c>placed</c>, <c>ready_for_pickup</c>, ….</summary>
public static class OrderStatuses
{
    /// <summary>The API name of a status.</summary>
    public static string ToName(OrderStatus status) => status switch
    {
        OrderStatus.Placed => "placed",
        OrderStatus.Allocated => "allocated",
        OrderStatus.Picking => "picking",
        OrderStatus.ReadyForPickup => "ready_for_pickup",
        OrderStatus.Shipped => "shipped",
        OrderStatus.OutForDelivery => "out_for_delivery",
        OrderStatus.Completed => "completed",
        OrderStatus.Cancelled => "cancelled",
        OrderStatus.PartlyReturned => "partly_returned",
        OrderStatus.Returned => "returned",
        _ => throw new ArgumentOutOfRangeException(nameof(status)),
    };

    /// <summary>The status an API name stands for; false when it names none.</summary>
    public static bool TryParse(string? name, out OrderStatus status)
    {
        foreach (var candidate in Enum.GetValues<OrderStatus>())
        {
            if (ToName(candidate) == name)
            {
                status = candidate;
                return true;
            }
        }
        status = default;
        return false;
    }

    /// <summary>A status read back from storage, where only valid names are written.</summary>
    internal static OrderStatus Parse(string name) =>
        TryParse(name, out var status) ? status : throw new InvalidOperationException($"Stored order status '{name}' is unknown.");
}
