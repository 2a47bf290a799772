using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain.Advice;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.Advice;

/// <summary>How a shop sells one wholesale product: the wholesale item and the shop's own SKU and units a case for it.</summary>
internal sealed record SoldAs(WholesaleItemRow Item, string Sku, int UnitsPerCase)
{
    /// <summary>The shop's units as wholesale units (a case of 24 sold as 12 packs: a pack is 2 units).</summary>
    public double ToWholesale(double units) => units * Item.CasePack / UnitsPerCase;

    public double FromWholesale(double units) => units * UnitsPerCase / Item.CasePack;

    /// <summary>The unit cost in the shop's units: the case price over the units a case becomes, in minor units.</summary>
    public long UnitCostMinor => (long)Math.Round((double)Item.CasePriceMinor / UnitsPerCase);

    /// <summary>Each wholesale item as the shop sells it (its mapping, else the same SKU and the case pack), by the shop's SKU.</summary>
    public static IReadOnlyDictionary<string, SoldAs> ByShopSku(IEnumerable<WholesaleItemRow> items, IEnumerable<MappingRow> mappings)
    {
        var mapped = mappings.ToDictionary(m => m.WholesaleSku, StringComparer.Ordinal);
        var bySku = new Dictionary<string, SoldAs>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var sold = mapped.TryGetValue(item.Sku, out var m) ? new SoldAs(item, m.Sku, m.UnitsPerCase) : new SoldAs(item, item.Sku, item.CasePack);
            bySku.TryAdd(sold.Sku, sold);
        }
        return bySku;
    }
}

/// <summary>
/// The shops' sales profiles: what each location sold over the profile's weeks, keyed by the platform's wholesale SKU where
/// the shop sells one (in wholesale units, so shops that split cases differently compare), by its own SKU otherwise.
/// </summary>
internal sealed class ShopProfiles(Database database, AdviceStore store, WholesaleStore wholesale, AgreementStore agreements, ILocationDirectory directory, TimeProvider clock)
{
    public static IReadOnlyList<SkuTotalRow> Keyed(IEnumerable<SkuTotalRow> sales, IReadOnlyDictionary<string, SoldAs> soldAs)
    {
        var keyed = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var row in sales)
        {
            var (key, units) = soldAs.TryGetValue(row.Sku, out var sold) ? (sold.Item.Sku, sold.ToWholesale(row.Units)) : (row.Sku, row.Units);
            keyed[key] = keyed.GetValueOrDefault(key) + units;
        }
        return [.. keyed.Select(k => new SkuTotalRow { Sku = k.Key, Units = (long)Math.Round(k.Value) }).Where(k => k.Units > 0)];
    }

    /// <summary>Writes the location's profile (the shop is on the platform of <paramref name="agreement"/>).</summary>
    public Task<Result<Unit>> WriteAsync(AgreementRow agreement, LocationInfo location, int toDay, int weeks, IReadOnlyList<SkuTotalRow> keyed, CancellationToken ct)
    {
        var row = new ProfileRow
        {
            ShopId = agreement.ShopId, LocationId = location.Id.Value, AgreementId = agreement.AgreementId, Latitude = location.Position.Latitude,
            Longitude = location.Position.Longitude, SharesBaskets = agreement.SharesCustomers, Weeks = weeks, Units = keyed.Sum(k => k.Units), ToDay = toDay,
            RefreshedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
        return database.WriteAsync<Unit>(async session =>
        {
            await store.ReplaceProfileAsync(session, new TenantId(agreement.PlatformId), row, keyed);
            return Unit.Value;
        }, ct);
    }

    /// <summary>
    /// Refreshes the profile of every store of every shop on the platform now (at most 1,000 shops): each reads its own
    /// sales by SKU over the profile's weeks, one query a location.
    /// </summary>
    public async Task<Result<ProfilesRefreshedView>> RefreshAsync(Caller platform, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var weeks = AdviceRules.Default.ProfileWeeks;
        var (shops, items) = await database.ReadAsync(async c => (await agreements.OfPlatformAsync(c, platform.Tenant), await wholesale.ItemsAsync(c, platform.Tenant)), ct);
        var (refreshed, locations) = (0, 0);
        var asOf = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var agreement in shops.Where(a => a.LeftAtMs is null))
        {
            var shop = new TenantId(agreement.ShopId);
            var stores = (await directory.ListAsync(shop, ct)).Where(l => l.Kind != LocationKind.Warehouse).ToList();
            if (stores.Count == 0)
                continue;
            var soldAs = SoldAs.ByShopSku(items, await database.ReadAsync(c => wholesale.MappingsAsync(c, shop), ct));
            foreach (var location in stores)
            {
                var today = location.LocalDay(clock.GetUtcNow()).DayNumber + 1;
                var sales = await database.ReadAsync(c => store.SalesBySkuAsync(c, shop, location.Id, today - 7 * weeks, today), ct);
                var written = await WriteAsync(agreement, location, today, weeks, Keyed(sales, soldAs), ct);
                if (!written.IsSuccess)
                    return written.Error;
                locations++;
            }
            refreshed++;
        }
        return new ProfilesRefreshedView(refreshed, locations, asOf);
    }
}
