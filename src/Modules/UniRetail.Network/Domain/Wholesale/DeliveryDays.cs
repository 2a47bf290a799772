using UniRetail.Kernel;

namespace UniRetail.Network.Domain.Wholesale;

/// <summary>The weekday a platform delivers to a shop, written <c>monday</c> … <c>sunday</c>.</summary>
internal static class DeliveryDays
{
    public static Result<DayOfWeek> Parse(string? name, string field = "deliveryDay")
    {
        foreach (var day in Enum.GetValues<DayOfWeek>())
        {
            if (string.Equals(Name(day), name?.Trim(), StringComparison.OrdinalIgnoreCase))
                return day;
        }
        return NetworkErrors.BadDeliveryDay(name, field);
    }

    public static string Name(DayOfWeek day) => day.ToString().ToLowerInvariant();

    /// <summary>The first delivery day after <paramref name="today"/>: an order placed on the delivery day itself goes next week.</summary>
    public static DateOnly Next(DateOnly today, DayOfWeek day) => today.AddDays((((int)day - (int)today.DayOfWeek + 6) % 7) + 1);
}
