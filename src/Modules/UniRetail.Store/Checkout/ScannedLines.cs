using System.Globalization;
using System.Text.RegularExpressions;
using UniRetail.Kernel;
using UniRetail.Orders.Contracts;

namespace UniRetail.Store.Checkout;

/// <summary>Scanned lines as an order takes them (one line a SKU), and the order's refusals named as the till request names its fields.</summary>
internal static partial class ScannedLines
{
    /// <summary>
    /// The scans with the same SKU added up (a till scans the same mug twice; an order has one line a SKU) and, for each order
    /// line, the index of the first scan that made it.
    /// </summary>
    public static Result<(IReadOnlyList<TillOrderLine> Lines, IReadOnlyList<int> FirstIndex)> Merge(
        IReadOnlyList<Sku> skus, IReadOnlyList<(string Gtin, Quantity Quantity)> scanned)
    {
        ArgumentNullException.ThrowIfNull(skus);
        ArgumentNullException.ThrowIfNull(scanned);
        var lines = new List<TillOrderLine>(skus.Count);
        var first = new List<int>(skus.Count);
        var lineOf = new Dictionary<Sku, int>();
        for (var i = 0; i < skus.Count; i++)
        {
            if (!lineOf.TryGetValue(skus[i], out var at))
            {
                lineOf[skus[i]] = lines.Count;
                lines.Add(new TillOrderLine(skus[i], scanned[i].Quantity));
                first.Add(i);
                continue;
            }
            var sum = Quantity.Of(lines[at].Quantity.Value + scanned[i].Quantity.Value, $"lines[{i}].quantity");
            if (!sum.IsSuccess)
                return sum.Error;
            lines[at] = lines[at] with { Quantity = sum.Value };
        }
        IReadOnlyList<TillOrderLine> merged = lines;
        IReadOnlyList<int> firstIndex = first;
        return (merged, firstIndex);
    }

    /// <summary>
    /// An order refusal at the till's field: <c>lines[k].sku</c> → <c>lines[i].gtin</c> of the scan that made line k,
    /// <c>wallet</c> → the wallet payment's amount, <c>memberId</c> → <c>memberCode</c>.
    /// </summary>
    public static Error InTillTerms(Error error, IReadOnlyList<int> firstIndex, string? walletField)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(firstIndex);
        if (error.Field is not { } field)
            return error;
        if (LineField().Match(field) is { Success: true } line)
        {
            var k = int.Parse(line.Groups[1].Value, CultureInfo.InvariantCulture);
            var scan = k < firstIndex.Count ? firstIndex[k] : k;
            return error.AtField(line.Groups[2].Value == "sku" ? $"lines[{scan}].gtin" : $"lines[{scan}].quantity");
        }
        return field switch
        {
            "wallet" or "wallet.amount" when walletField is not null => error.AtField(walletField + ".amount.amount"),
            "memberId" => error.AtField("memberCode"),
            _ => error,
        };
    }

    [GeneratedRegex(@"^lines\[(\d+)\]\.(sku|quantity)$", RegexOptions.CultureInvariant)]
    private static partial Regex LineField();
}
