using UniRetail.Catalog.Domain;
using UniRetail.Catalog.Persistence;
using UniRetail.Catalog.Products;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Web;

namespace UniRetail.Catalog.Skus;

/// <summary>
/// A SKU's price in every channel, at <c>LocationId</c> when one is given; <c>Overrides</c> lists every channel and
/// location override the SKU has.
/// </summary>
internal sealed record SkuPricesView(string Sku, MoneyView BasePrice, string? LocationId, IReadOnlyDictionary<string, MoneyView> Channels, IReadOnlyList<OverrideView> Overrides);

/// <summary>A price override as the API returns it: exactly one of channel and locationId is set.</summary>
internal sealed record OverrideView(string? Channel, string? LocationId, MoneyView Price)
{
    public static OverrideView From(PriceOverride priceOverride) => priceOverride.Target switch
    {
        PriceTarget.Channel channel => new OverrideView(SalesChannels.ToName(channel.Value), null, MoneyView.From(priceOverride.Price)),
        PriceTarget.Location location => new OverrideView(null, location.Value.Value, MoneyView.From(priceOverride.Price)),
        _ => throw new ArgumentOutOfRangeException(nameof(priceOverride)),
    };
}

/// <summary>Reads SKUs: by code, by barcode, and their effective prices. Any role of the tenant.</summary>
internal sealed class SkuQueries(Database database, SkuStore skus, PriceOverrideStore overrides, ILocationDirectory locations)
{
    public async Task<Result<SkuView>> GetAsync(Caller caller, string? sku, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var code = Sku.Parse(sku);
        if (!code.IsSuccess)
            return code.Error;
        var found = await database.ReadAsync(c => skus.FindAsync(c, caller.Tenant, code.Value), ct);
        return found is null ? CatalogErrors.UnknownSku(code.Value.Value) : SkuView.From(found);
    }

    public async Task<Result<SkuView>> FindByGtinAsync(Caller caller, string? gtin, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var parsed = Gtin.Parse(gtin);
        if (!parsed.IsSuccess)
            return parsed.Error;
        var found = await database.ReadAsync(c => skus.FindByGtinAsync(c, caller.Tenant, parsed.Value), ct);
        return found is null ? CatalogErrors.UnknownGtin(parsed.Value.Value) : SkuView.From(found);
    }

    public async Task<Result<SkuPricesView>> PricesAsync(Caller caller, string? sku, string? locationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var code = Sku.Parse(sku);
        if (!code.IsSuccess)
            return code.Error;
        LocationId? store = null;
        if (!string.IsNullOrWhiteSpace(locationId))
        {
            if (await locations.FindAsync(caller.Tenant, new LocationId(locationId), ct) is null)
                return CatalogErrors.UnknownLocation(locationId);
            store = new LocationId(locationId);
        }
        var (found, its) = await database.ReadAsync(async c =>
            (await skus.FindAsync(c, caller.Tenant, code.Value), await overrides.ListAsync(c, caller.Tenant, [code.Value])), ct);
        if (found is null)
            return CatalogErrors.UnknownSku(code.Value.Value);
        var channels = Enum.GetValues<SalesChannel>().ToDictionary(
            SalesChannels.ToName, channel => MoneyView.From(PriceRules.Resolve(found.Price, its, channel, store)));
        return new SkuPricesView(found.Code.Value, MoneyView.From(found.Price), store?.Value, channels, its.Select(OverrideView.From).ToList());
    }
}
