using UniRetail.Catalog.Contracts;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Domain.Wholesale;
using UniRetail.Network.Persistence;
using UniRetail.Web;

namespace UniRetail.Network.Wholesale;

public sealed record PriceTierRequest(int? FromCases, decimal? CasePrice);

/// <summary>A wholesale SKU: sold in cases of <c>casePack</c>, at <c>casePrice</c> a case (<c>unitPrice</c>: the unit's list price), at least <c>minimumCases</c> an order.</summary>
public sealed record WholesaleItemRequest(int? CasePack, decimal? UnitPrice, decimal? CasePrice, int? MinimumCases, IReadOnlyList<PriceTierRequest>? Tiers);

public sealed record PriceTierView(int FromCases, MoneyView CasePrice);

public sealed record WholesaleItemView(string Sku, int CasePack, MoneyView UnitPrice, MoneyView CasePrice, int MinimumCases, IReadOnlyList<PriceTierView> Tiers)
{
    internal static WholesaleItemView From(WholesaleItemRow row, Currency currency) => new(
        row.Sku, row.CasePack, MoneyView.From(Money.FromMinor(row.UnitPriceMinor, currency)), MoneyView.From(Money.FromMinor(row.CasePriceMinor, currency)),
        row.MinimumCases, [.. row.PriceTiers().Select(t => new PriceTierView(t.FromCases, MoneyView.From(Money.FromMinor(t.CasePriceMinor, currency))))]);
}

/// <summary>How the shop sells a wholesale SKU: as its own <c>sku</c>, <c>unitsPerCase</c> units a case (default: the case pack).</summary>
public sealed record MappingRequest(string? Sku, int? UnitsPerCase);

public sealed record MappingView(string WholesaleSku, string Sku, int UnitsPerCase);

/// <summary>The platform's catalog as a shop sees it: each wholesale SKU with the shop's own SKU and units a case.</summary>
public sealed record ShopCatalogLine(WholesaleItemView Item, MappingView Sells);

public sealed record ShopCatalogView(string Platform, string Currency, IReadOnlyList<ShopCatalogLine> Items);

/// <summary>The platform's wholesale catalog, and each shop's mapping of it to what the shop sells.</summary>
internal sealed class ManageWholesale(Database database, WholesaleStore store, AgreementStore agreements, ITenantDirectory tenants, ISkuPricing catalog, TimeProvider clock)
{
    public const int MaxCasePack = 10_000;
    public const int MaxMinimumCases = 10_000;

    public async Task<Result<WholesaleItemView>> SetItemAsync(Caller platform, string? skuCode, WholesaleItemRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(request);
        var sku = Sku.Parse(skuCode);
        if (!sku.IsSuccess)
            return sku.Error;
        var casePack = request.CasePack ?? 1;
        if (casePack is < 1 or > MaxCasePack)
            return NetworkErrors.BadCasePack("casePack");
        var currency = (await tenants.FindAsync(platform.Tenant, ct))!.Currency;
        var unitPrice = Price(request.UnitPrice, currency, "unitPrice");
        if (!unitPrice.IsSuccess)
            return unitPrice.Error;
        Result<Money> casePrice = request.CasePrice is null
            ? (unitPrice.Value.MinorUnits * casePack <= Money.MaxMinorUnits ? Money.FromMinor(unitPrice.Value.MinorUnits * casePack, currency) : NetworkErrors.BadPrice("casePrice"))
            : Price(request.CasePrice, currency, "casePrice");
        if (!casePrice.IsSuccess)
            return casePrice.Error;
        var minimum = request.MinimumCases ?? 1;
        if (minimum is < 1 or > MaxMinimumCases)
            return NetworkErrors.BadMinimumCases("minimumCases");
        if (request.Tiers?.Count > TierPricing.MaxTiers)
            return NetworkErrors.BadTiers("tiers", $"At most {TierPricing.MaxTiers} tiers.");
        var tiers = new List<PriceTier>();
        for (var i = 0; i < (request.Tiers?.Count ?? 0); i++)
        {
            if (request.Tiers![i] is not { } tier)
                return NetworkErrors.Required($"tiers[{i}]");
            if (tier.FromCases is not { } from)
                return NetworkErrors.Required($"tiers[{i}].fromCases");
            var price = Price(tier.CasePrice, currency, $"tiers[{i}].casePrice");
            if (!price.IsSuccess)
                return price.Error;
            tiers.Add(new PriceTier(from, price.Value.MinorUnits));
        }
        var valid = TierPricing.Validate(casePrice.Value.MinorUnits, tiers, "tiers");
        if (!valid.IsSuccess)
            return valid.Error;
        if ((await catalog.KnownAsync(platform.Tenant, [sku.Value], ct)).Count == 0)
            return NetworkErrors.UnknownSku(sku.Value.Value, "sku");
        var row = new WholesaleItemRow
        {
            Sku = sku.Value.Value, CasePack = casePack, UnitPriceMinor = unitPrice.Value.MinorUnits, CasePriceMinor = casePrice.Value.MinorUnits,
            MinimumCases = minimum, Tiers = WholesaleItemRow.WriteTiers(tiers),
        };
        return await database.WriteAsync<WholesaleItemView>(async session =>
        {
            await store.UpsertItemAsync(session, platform.Tenant, row, clock.GetUtcNow().ToUnixTimeMilliseconds());
            return WholesaleItemView.From(row, currency);
        }, ct);
    }

    public async Task<IReadOnlyList<WholesaleItemView>> ListAsync(Caller platform, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var currency = (await tenants.FindAsync(platform.Tenant, ct))!.Currency;
        return [.. (await database.ReadAsync(c => store.ItemsAsync(c, platform.Tenant), ct)).Select(r => WholesaleItemView.From(r, currency))];
    }

    /// <summary>The shop's platform's catalog with the shop's mapping of each SKU (its own SKU and units a case).</summary>
    public async Task<Result<ShopCatalogView>> ShopCatalogAsync(Caller shop, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var (agreement, items, mappings) = await database.ReadAsync(async c =>
        {
            var active = await agreements.ActiveAsync(c, null, shop.Tenant);
            return active is null
                ? (null, [], [])
                : (active, await store.ItemsAsync(c, new TenantId(active.PlatformId)), await store.MappingsAsync(c, shop.Tenant));
        }, ct);
        if (agreement is null)
            return NetworkErrors.NotAShop();
        var platform = (await tenants.FindAsync(new TenantId(agreement.PlatformId), ct))!;
        var mapped = mappings.ToDictionary(m => m.WholesaleSku, StringComparer.Ordinal);
        return new ShopCatalogView(platform.Name, platform.Currency.Code, [.. items.Select(i => new ShopCatalogLine(
            WholesaleItemView.From(i, platform.Currency), Sells(mapped.GetValueOrDefault(i.Sku), i)))]);
    }

    public async Task<Result<MappingView>> MapAsync(Caller shop, string? wholesaleSku, MappingRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        ArgumentNullException.ThrowIfNull(request);
        var wholesale = Sku.Parse(wholesaleSku);
        if (!wholesale.IsSuccess)
            return wholesale.Error;
        var sku = Sku.Parse(request.Sku ?? wholesale.Value.Value);
        if (!sku.IsSuccess)
            return sku.Error;
        if (request.UnitsPerCase is < 1 or > Quantity.Max)
            return NetworkErrors.BadUnitsPerCase("unitsPerCase");
        return await database.WriteAsync<MappingView>(async session =>
        {
            if (await agreements.ActiveAsync(session.Connection, session.Transaction, shop.Tenant) is not { } agreement)
                return NetworkErrors.NotAShop();
            var items = await store.ItemsAsync(session.Connection, session.Transaction, new TenantId(agreement.PlatformId), [wholesale.Value.Value]);
            if (items.Count == 0)
                return NetworkErrors.UnknownWholesaleSku(wholesale.Value.Value, "wholesaleSku");
            var row = new MappingRow { WholesaleSku = wholesale.Value.Value, Sku = sku.Value.Value, UnitsPerCase = request.UnitsPerCase ?? items[0].CasePack };
            await store.UpsertMappingAsync(session, shop.Tenant, row);
            return Sells(row, items[0]);
        }, ct);
    }

    /// <summary>The shop's mapping, or the default: the same SKU, a case becoming its case pack of units.</summary>
    internal static MappingView Sells(MappingRow? mapping, WholesaleItemRow item) =>
        mapping is null ? new MappingView(item.Sku, item.Sku, item.CasePack) : new MappingView(mapping.WholesaleSku, mapping.Sku, mapping.UnitsPerCase);

    private static Result<Money> Price(decimal? amount, Currency currency, string field)
    {
        if (amount is not { } value || value <= 0)
            return NetworkErrors.BadPrice(field);
        return Money.Of(value, currency, field);
    }
}
