using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

/// <summary>The units wanted of one SKU, summed over the order's lines; <c>LineIndex</c> is its first line.</summary>
internal readonly record struct SkuDemand(Sku Sku, int Units, int LineIndex)
{
    public string Field => $"lines[{LineIndex}].sku";

    public static IReadOnlyList<SkuDemand> Of(IReadOnlyList<SourcingLine> lines) =>
        lines.Select((line, index) => (line, index))
            .GroupBy(x => x.line.Sku)
            .Select(g => new SkuDemand(g.Key, g.Sum(x => x.line.Quantity.Value), g.First().index))
            .ToList();
}
