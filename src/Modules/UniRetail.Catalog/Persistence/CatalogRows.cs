using UniRetail.Catalog.Domain;
using UniRetail.Kernel;

namespace UniRetail.Catalog.Persistence;

internal sealed class ProductRow
{
    public string ProductId { get; init; } = "";
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public string Description { get; init; } = "";
    public string Category { get; init; } = "";
    public string Attributes { get; init; } = "{}";
    public long CreatedAtMs { get; init; }
    public long UpdatedAtMs { get; init; }

    public Product ToProduct(IReadOnlyList<ProductSku> skus) => new(
        new ProductId(ProductId), ProductCode.FromStored(Code), Name, Description, CategoryPath.FromStored(Category),
        AttributeMap.FromJson(Attributes), skus);
}

internal sealed class SkuRow
{
    public string Sku { get; init; } = "";
    public string ProductId { get; init; } = "";
    public string? GtinAsWritten { get; init; }
    public string Name { get; init; } = "";
    public string Attributes { get; init; } = "{}";
    public long PriceMinor { get; init; }
    public string Currency { get; init; } = "";
    public bool Active { get; init; }

    public ProductSku ToSku() => new(
        Kernel.Sku.FromStored(Sku), new ProductId(ProductId), GtinAsWritten is null ? null : Gtin.FromStored(GtinAsWritten), Name,
        AttributeMap.FromJson(Attributes), Money.FromMinor(PriceMinor, Kernel.Currency.FromStored(Currency)), Active);
}

internal sealed class PriceOverrideRow
{
    public const string Channel = "channel";
    public const string Location = "location";

    public string Sku { get; init; } = "";
    public string Scope { get; init; } = "";
    public string Target { get; init; } = "";
    public long PriceMinor { get; init; }
    public string Currency { get; init; } = "";

    public static (string Scope, string Target) Key(PriceTarget target) => target switch
    {
        PriceTarget.Channel channel => (Channel, SalesChannels.ToName(channel.Value)),
        PriceTarget.Location location => (Location, location.Value.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(target)),
    };

    public PriceOverride ToOverride()
    {
        PriceTarget target = Scope == Channel
            ? new PriceTarget.Channel(SalesChannels.Parse(Target).Value)
            : new PriceTarget.Location(new LocationId(Target));
        return new PriceOverride(Kernel.Sku.FromStored(Sku), target, Money.FromMinor(PriceMinor, Kernel.Currency.FromStored(Currency)));
    }
}
