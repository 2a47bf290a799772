using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Persistence;
using UniRetail.Web;

namespace UniRetail.Network.PickupPoints;

/// <summary>
/// The fees parcels handed over earned: per shop for the platform, per platform for the shop. A parcel's fee is fixed when
/// it is handed over (the point's fee then), counted on the UTC day of the handover, in [from, to) of at most 366 days.
/// </summary>
internal sealed class PickupFees(Database database, PickupPointStore store, AgreementStore agreements, ITenantDirectory tenants)
{
    public async Task<Result<PlatformPickupFees>> OfPlatformAsync(Caller platform, string? from, string? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var parsed = ReportPeriod.Parse(from, to);
        if (!parsed.IsSuccess)
            return parsed.Error;
        var period = parsed.Value;
        var rows = await database.ReadAsync(c => store.FeesOfPlatformAsync(c, platform.Tenant, period.FromMs, period.ToMs), ct);
        var currency = (await tenants.FindAsync(platform.Tenant, ct))!.Currency;
        var names = rows.Count == 0 ? [] : (await database.ReadAsync(c => agreements.OfPlatformAsync(c, platform.Tenant), ct))
            .GroupBy(a => a.ShopId).ToDictionary(g => g.Key, g => g.Last().ShopName);
        var shops = rows.Select(r => new ShopPickupFees(r.ShopId, names.GetValueOrDefault(r.ShopId, ""), r.Parcels, MoneyView.From(Money.FromMinor(r.FeeMinor, currency))))
            .OrderByDescending(s => s.Fees.Amount).ThenBy(s => s.ShopId, StringComparer.Ordinal).ToList();
        return new PlatformPickupFees(period.From, period.To, rows.Sum(r => r.Parcels), MoneyView.From(Money.FromMinor(rows.Sum(r => r.FeeMinor), currency)), shops);
    }

    public async Task<Result<OwnPickupFees>> OfShopAsync(Caller shop, string? from, string? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var parsed = ReportPeriod.Parse(from, to);
        if (!parsed.IsSuccess)
            return parsed.Error;
        var period = parsed.Value;
        var rows = await database.ReadAsync(c => store.FeesOfShopAsync(c, shop.Tenant, period.FromMs, period.ToMs), ct);
        var platforms = new List<PlatformFeesOfShop>(rows.Count);
        foreach (var row in rows)
        {
            var platform = await tenants.FindAsync(new TenantId(row.ShopId), ct);
            if (platform is null)
                continue;
            platforms.Add(new PlatformFeesOfShop(platform.Id.Value, platform.Name, row.Parcels, MoneyView.From(Money.FromMinor(row.FeeMinor, platform.Currency))));
        }
        return new OwnPickupFees(period.From, period.To, platforms);
    }
}
