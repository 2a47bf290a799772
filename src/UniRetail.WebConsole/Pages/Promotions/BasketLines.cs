using UniRetail.Kernel;
using UniRetail.Promotions.Pricing;
using UniRetail.WebConsole.Components.Shared;

namespace UniRetail.WebConsole.Pages.Promotions;

/// <summary>Basket lines typed one a line as <c>SKU quantity</c> (quantity 1 when left out), as the pricing request's lines.</summary>
internal static class BasketLines
{
    public static Result<IReadOnlyList<BasketLineRequest?>> Parse(string? text)
    {
        var typed = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var lines = new List<BasketLineRequest?>(typed.Length);
        for (var i = 0; i < typed.Length; i++)
        {
            var parts = typed[i].Split([' ', '\t', '×', '*'], 2, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            var quantity = parts.Length == 1 ? 1 : Format.Whole(parts[1], $"lines[{i}].quantity");
            if (!quantity.IsSuccess)
                return quantity.Error;
            lines.Add(new BasketLineRequest(parts[0], quantity.Value, null));
        }
        return lines;
    }
}
