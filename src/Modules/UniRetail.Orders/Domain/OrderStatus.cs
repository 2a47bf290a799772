namespace UniRetail.Orders.Domain;

/// <summary>Where an order is in its life. Changes only through the business verbs on <see cref="Order"/>.</summary>
internal enum OrderStatus
{
    Placed,
    Allocated,
    Picking,
    ReadyForPickup,
    Shipped,
    OutForDelivery,
    Completed,
    Cancelled,
    PartlyReturned,
    Returned,
}

internal static class OrderStatuses
{
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

    public static OrderStatus Parse(string name) =>
        Enum.GetValues<OrderStatus>().Single(s => ToName(s) == name);

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
}
