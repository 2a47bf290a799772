using UniRetail.Catalog.Contracts;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Inventory.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Domain.Advice;
using UniRetail.Network.Persistence;
using UniRetail.Network.Replenishment;

namespace UniRetail.Network.Advice;

/// <summary>
/// Assortment and display advice for one shop location: what to add (from the most similar shops of its platform), what to
/// drop, what to place side by side and what at eye level, each with its evidence. The shop asks with its own key; its
/// platform asks for any of its shops on it now (for its field representatives). A shop not on a platform (or that left)
/// gets the advice from its own data only. Reads one shop's aggregates and at most
/// <see cref="AdviceRules.NearestCandidates"/> profiles of others: linear in SKUs × shops compared.
/// </summary>
internal sealed class ShopAdvice(
    Database database, AdviceStore store, ShopStore shops, WholesaleStore wholesale, AgreementStore agreements, ShopProfiles profiles, ShopLocation locations,
    ILocationDirectory directory, ITenantDirectory tenants, IStockMovements stock, ISkuPricing pricing, TimeProvider clock)
{
    public async Task<Result<ShopAdviceView>> ForShopAsync(Caller shop, string? locationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var location = await locations.ResolveAsync(shop, locationId, ct);
        if (!location.IsSuccess)
            return location.Error;
        var info = (await directory.FindAsync(shop.Tenant, location.Value, ct))!;
        var agreement = await database.ReadAsync(c => agreements.ActiveAsync(c, null, shop.Tenant), ct);
        return await AdviseAsync(shop.Tenant, info, agreement, forPlatform: false, ct);
    }

    /// <summary>The platform reads the advice of one of its shops on it now; <paramref name="locationId"/> defaults to the shop's first store.</summary>
    public async Task<Result<ShopAdviceView>> ForPlatformAsync(Caller platform, string? agreementId, string? locationId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (string.IsNullOrWhiteSpace(agreementId) || await database.ReadAsync(c => agreements.OfPlatformAsync(c, platform.Tenant, agreementId), ct) is not { } agreement)
            return NetworkErrors.UnknownShop(agreementId, "agreementId");
        if (agreement.LeftAtMs is not null)
            return NetworkErrors.ShopLeft(agreement.AgreementId);
        var shop = new TenantId(agreement.ShopId);
        var info = string.IsNullOrWhiteSpace(locationId)
            ? (await directory.ListAsync(shop, ct)).Where(l => l.Kind != LocationKind.Warehouse).OrderBy(l => l.Code, StringComparer.Ordinal).FirstOrDefault()
            : await directory.FindAsync(shop, new LocationId(locationId.Trim()), ct);
        if (info is null || info.Kind == LocationKind.Warehouse)
            return NetworkErrors.UnknownShopLocation(locationId, "locationId");
        return await AdviseAsync(shop, info, agreement, forPlatform: true, ct);
    }

    private async Task<Result<ShopAdviceView>> AdviseAsync(TenantId shop, LocationInfo info, AgreementRow? agreement, bool forPlatform, CancellationToken ct)
    {
        var rules = AdviceRules.Default;
        var location = info.Id;
        var today = info.LocalDay(clock.GetUtcNow());
        var day = today.DayNumber + 1; // windows end with today: a till's sales count the day they are made
        var platform = agreement is null ? (TenantId?)null : new TenantId(agreement.PlatformId);
        var data = await database.ReadAsync(async c => new AdviceInputs(
            await store.SalesBySkuAsync(c, shop, location, day - 7 * rules.ProfileWeeks, day),
            await store.SalesBySkuAsync(c, shop, location, day - 7 * rules.RecentWeeks, day),
            await store.SalesBySkuAsync(c, shop, location, day - 364, day),
            await shops.SkusAsync(c, shop, location, AdviceRules.MaxSkus),
            await store.BasketsAsync(c, shop, location),
            platform is { } p ? SoldAs.ByShopSku(await wholesale.ItemsAsync(c, p), await wholesale.MappingsAsync(c, shop)) : new Dictionary<string, SoldAs>(),
            platform is { } q ? await store.ActiveProfilesAsync(c, q) : []), ct);
        var currency = (await tenants.FindAsync(shop, ct))!.Currency;

        var ownKeyed = ShopProfiles.Keyed(data.Window, data.SoldAs);
        // The shop's profile (what similar shops compare with) is rewritten once a day at most: a read that finds it written
        // today answers from memory instead of taking the writer (a platform refresh still rewrites every profile).
        if (agreement is not null && !data.Profiles.Any(p => p.ShopId == shop.Value && p.LocationId == location.Value && p.ToDay == day))
        {
            var written = await profiles.WriteAsync(agreement, info, day, rules.ProfileWeeks, ownKeyed, ct);
            if (!written.IsSuccess)
                return written.Error;
        }
        var own = new SalesProfile($"{shop.Value}/{location.Value}", info.Position, rules.ProfileWeeks, ownKeyed.ToDictionary(k => k.Sku, k => k.Units, StringComparer.Ordinal));
        var similar = agreement is null ? [] : await SimilarAsync(own, data.Profiles, rules, ct);
        var peers = new PeerSales(own, similar, rules.MinShopsSelling);

        // The SKUs whose stock and price matter: what the shop sold or reorders, and what the similar shops sell that it might add.
        var byWholesale = data.SoldAs.Values.ToDictionary(s => s.Item.Sku, StringComparer.Ordinal);
        var candidates = similar.SelectMany(s => s.Profile.Units.Keys).Distinct(StringComparer.Ordinal)
            .Where(byWholesale.ContainsKey).Select(w => byWholesale[w]).ToList();
        // Stock that has not sold for a year is found through the shop's reorder settings and its platform's catalog.
        var skus = data.Window.Select(w => w.Sku).Concat(candidates.Select(c => c.Sku)).Concat(data.Year.Select(y => y.Sku))
            .Concat(data.Configured.Select(c => c.Sku)).Concat(data.SoldAs.Keys)
            .Distinct(StringComparer.Ordinal).Take(AdviceRules.MaxStockedSkus).Select(Sku.FromStored).ToList();
        var onHand = skus.Count == 0 ? new Dictionary<string, int>(StringComparer.Ordinal)
            : (await stock.PositionsAtAsync(shop, location, skus, ct)).ToDictionary(p => p.Sku.Value, p => p.OnHand, StringComparer.Ordinal);
        var prices = skus.Count == 0 ? new Dictionary<string, long>(StringComparer.Ordinal)
            : (await pricing.PriceAsync(shop, skus, SalesChannel.Pos, location, ct)).ToDictionary(p => p.Key.Value, p => p.Value.UnitPrice.MinorUnits, StringComparer.Ordinal);
        var money = new AdviceMoney(data.SoldAs, prices, currency);

        var sold = data.Window.ToDictionary(w => w.Sku, w => w.Units, StringComparer.Ordinal);
        var add = AssortmentAdvisor.Add(own, similar, candidates
            .Where(c => sold.GetValueOrDefault(c.Sku) <= 0 && onHand.GetValueOrDefault(c.Sku) <= 0)
            .Select(c => new AddCandidate(c.Item.Sku, c.Sku, c.UnitsPerCase, c.Item.CasePack, c.UnitCostMinor, money.ExpectedPrice(c.Sku).Minor)), rules);
        var drop = AssortmentAdvisor.Drop(onHand.Where(h => h.Value > 0).Select(h => new StockedSku(
            h.Key, h.Value, sold.GetValueOrDefault(h.Key), rules.ProfileWeeks, money.UnitCost(h.Key), peers.ExpectedWeekly(h.Key, data.SoldAs))), rules);
        var eyeLevel = AssortmentAdvisor.EyeLevel(data.Recent.Select(r => new SoldSku(r.Sku, r.Units, rules.RecentWeeks, prices.TryGetValue(r.Sku, out var p) ? p : null,
            money.UnitCost(r.Sku))), rules);
        var sideBySide = BasketLift.Rank(data.Baskets.Baskets, data.Baskets.WithSku, data.Baskets.Pairs, rules.MinOwnSupport, rules.ListSize)
            .Select(s => AdviceViewing.Pair(s, "shop")).ToList();
        var sharing = similar.Where(s => data.Profiles.First(p => Key(p) == s.Profile.Key).SharesBaskets).ToList();
        if (sharing.Count >= rules.MinShopsSelling)
        {
            var network = await NetworkBasketsAsync(sharing, data.Profiles, byWholesale, rules.MinShopsSelling, ct);
            sideBySide.AddRange(BasketLift.Rank(network.Baskets, network.WithSku, network.Pairs, rules.MinNetworkSupport, rules.ListSize)
                .Select(s => AdviceViewing.Pair(s, "network")));
        }

        var basis = AdviceViewing.Basis(agreement, similar, data.Profiles, sharing.Count, forPlatform, rules);
        return new ShopAdviceView(location.Value, today, currency.Code, basis,
            [.. add.Select(a => AdviceViewing.Add(a, similar.Count, money))],
            [.. drop.Select(d => AdviceViewing.Drop(d, money))],
            sideBySide,
            [.. eyeLevel.Select(e => AdviceViewing.EyeLevel(e, money))]);
    }

    private async Task<IReadOnlyList<SimilarShop>> SimilarAsync(SalesProfile own, IReadOnlyList<ProfileRow> profiles, AdviceRules rules, CancellationToken ct)
    {
        var nearest = profiles.Where(p => Key(p) != own.Key)
            .OrderBy(p => own.Position.DistanceKmTo(GeoPoint.FromStored(p.Latitude, p.Longitude))).ThenBy(Key, StringComparer.Ordinal)
            .Take(rules.NearestCandidates).ToList();
        var wanted = nearest.Select(Key).ToHashSet(StringComparer.Ordinal);
        var skus = await database.ReadAsync(c => store.ProfileSkusAsync(c, [.. nearest.Select(p => p.ShopId)]), ct);
        var units = skus.Where(s => wanted.Contains($"{s.ShopId}/{s.LocationId}")).GroupBy(s => $"{s.ShopId}/{s.LocationId}", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<string, long>)g.ToDictionary(s => s.Sku, s => s.Units, StringComparer.Ordinal), StringComparer.Ordinal);
        var others = nearest.Select(p => new SalesProfile(Key(p), GeoPoint.FromStored(p.Latitude, p.Longitude), p.Weeks,
            units.GetValueOrDefault(Key(p)) ?? new Dictionary<string, long>()));
        return ShopSimilarity.MostSimilar(own, others, rules);
    }

    /// <summary>The sharing similar shops' baskets summed, each SKU read as the wholesale product it is and then as this shop sells it.</summary>
    private async Task<BasketCounts> NetworkBasketsAsync(
        IReadOnlyList<SimilarShop> sharing, IReadOnlyList<ProfileRow> profiles, Dictionary<string, SoldAs> byWholesale, int minShops, CancellationToken ct)
    {
        var (baskets, withSku, pairs) = (0L, new Dictionary<string, long>(StringComparer.Ordinal), new Dictionary<(string, string), long>());
        // How many shops bought each pair: a pair only one shop's baskets hold would be that shop's figure, not the network's.
        var shops = new Dictionary<(string, string), int>();
        foreach (var peer in sharing)
        {
            var row = profiles.First(p => Key(p) == peer.Profile.Key);
            var peerShop = new TenantId(row.ShopId);
            var (counts, mappings) = await database.ReadAsync(async c =>
                (await store.BasketsAsync(c, peerShop, new LocationId(row.LocationId)), await wholesale.MappingsAsync(c, peerShop)), ct);
            var toWholesale = mappings.ToDictionary(m => m.Sku, m => m.WholesaleSku, StringComparer.Ordinal);
            string Ours(string sku)
            {
                var w = toWholesale.GetValueOrDefault(sku) ?? sku;
                return byWholesale.TryGetValue(w, out var s) ? s.Sku : w;
            }
            baskets += counts.Baskets;
            foreach (var (sku, n) in counts.WithSku)
                withSku[Ours(sku)] = withSku.GetValueOrDefault(Ours(sku)) + n;
            var ofThisShop = new HashSet<(string, string)>();
            foreach (var pair in counts.Pairs)
            {
                var (a, b) = (Ours(pair.Sku), Ours(pair.Other));
                if (a == b)
                    continue;
                var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
                pairs[key] = pairs.GetValueOrDefault(key) + pair.Together;
                if (ofThisShop.Add(key))
                    shops[key] = shops.GetValueOrDefault(key) + 1;
            }
        }
        return new BasketCounts(baskets, withSku, [.. pairs.Where(p => shops[p.Key] >= minShops).Select(p => new PairBaskets(p.Key.Item1, p.Key.Item2, p.Value))]);
    }

    private static string Key(ProfileRow row) => $"{row.ShopId}/{row.LocationId}";

    private sealed record AdviceInputs(
        IReadOnlyList<SkuTotalRow> Window, IReadOnlyList<SkuTotalRow> Recent, IReadOnlyList<SkuTotalRow> Year, IReadOnlyList<ShopSkuRow> Configured, BasketCounts Baskets,
        IReadOnlyDictionary<string, SoldAs> SoldAs, IReadOnlyList<ProfileRow> Profiles);
}
