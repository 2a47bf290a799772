using UniRetail.Kernel;
using UniRetail.Network.PickupPoints;
using UniRetail.Network.ShopOrders;
using UniRetail.Network.Wholesale;
using UniRetail.WebConsole.Components.Shared;

namespace UniRetail.WebConsole.Pages.Network;

/// <summary>The network pages' forms read as the Network module's requests; a value that is not a number is refused at the field the API names.</summary>
internal static class NetworkForms
{
    /// <summary>Tier prices typed one a line, "from cases" then "case price" (<c>20 9.00</c>); empty is none.</summary>
    public static Result<IReadOnlyList<PriceTierRequest>?> Tiers(string? text)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length == 0)
            return Result<IReadOnlyList<PriceTierRequest>?>.Success(null);
        var tiers = new List<PriceTierRequest>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            var parts = lines[i].Split([' ', '\t', ':'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2)
                return Error.Validation("console.bad_tier", $"Line {i + 1}: write the cases a month it starts at and its case price ('20 9.00').", $"tiers[{i}]");
            var from = Format.Whole(parts[0], $"tiers[{i}].fromCases");
            if (!from.IsSuccess)
                return from.Error;
            var price = Format.Amount(parts[1], $"tiers[{i}].casePrice");
            if (!price.IsSuccess)
                return price.Error;
            tiers.Add(new PriceTierRequest(from.Value, price.Value));
        }
        return Result<IReadOnlyList<PriceTierRequest>?>.Success(tiers);
    }

    /// <summary>
    /// What a delivery brought, line by line as typed (received and damaged units; empty received is all delivered, empty
    /// damaged none), as the receipt's request.
    /// </summary>
    public static Result<ReceiveShopOrderRequest> Receipt(IReadOnlyList<(int LineNo, string? Received, string? Damaged)> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var request = new List<ReceiveLineRequest>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var received = Format.OptionalWhole(lines[i].Received, $"lines[{i}].received");
            if (!received.IsSuccess)
                return received.Error;
            var damaged = Format.OptionalWhole(lines[i].Damaged, $"lines[{i}].damaged");
            if (!damaged.IsSuccess)
                return damaged.Error;
            request.Add(new ReceiveLineRequest(lines[i].LineNo, received.Value, damaged.Value));
        }
        return new ReceiveShopOrderRequest(request);
    }

    /// <summary>
    /// A pickup point's terms as typed: the position as two numbers, opening hours one a line (<c>monday 07:00-22:00</c>;
    /// empty: always open), capacity, fee and hold days (empty hold days: the default).
    /// </summary>
    public static Result<PickupPointRequest> PickupPoint(
        string? address, string? latitude, string? longitude, string? timeZone, string? hours, string? capacity, string? fee, string? holdDays)
    {
        var lat = Format.OptionalAmount(latitude, "latitude");
        var lon = Format.OptionalAmount(longitude, "longitude");
        var cap = Format.OptionalWhole(capacity, "parcelCapacity");
        var money = Format.OptionalAmount(fee, "feePerParcel");
        var hold = Format.OptionalWhole(holdDays, "holdDays");
        if ((lat.Error ?? lon.Error ?? cap.Error ?? money.Error ?? hold.Error) is { } error)
            return error;
        var opening = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (hours ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split([' ', '\t', ':'], 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 2 || !opening.TryAdd(parts[0].ToLowerInvariant(), parts[1]))
                return Error.Validation("console.bad_opening_hours", $"'{line}': write a day and its hours, one day a line ('monday 07:00-22:00').", "openingHours");
        }
        return new PickupPointRequest(
            string.IsNullOrWhiteSpace(address) ? null : address.Trim(), (double?)lat.Value, (double?)lon.Value, string.IsNullOrWhiteSpace(timeZone) ? null : timeZone.Trim(),
            opening.Count == 0 ? null : opening, cap.Value, money.Value, hold.Value);
    }
}
