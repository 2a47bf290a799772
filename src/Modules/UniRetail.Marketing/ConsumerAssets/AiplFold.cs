using System.Globalization;
using System.Text.Json;
using UniRetail.Catalog.Contracts;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Profiles;

namespace UniRetail.Marketing.ConsumerAssets;

/// <summary>One event's contribution to a person's AIPL day in one category (the brand is <see cref="AiplStages.Brand"/>).</summary>
internal readonly record struct AiplTouch(string ProfileId, string Category, int Day, AiplKinds Kinds, long RevenueMinor, string Evidence);

/// <summary>
/// Turns a projector batch's events, once each is attributed to its profile, into AIPL day touches: what kind of thing the
/// event is under the tenant's rules, on which UTC day, for the brand and for each category it names (its
/// <c>category</c> property, its products' <c>category</c>, and the catalog category of its <c>sku</c>/<c>product_id</c> and
/// its products' — one catalog call per batch). No writes: the projector saves the touches with its position.
/// </summary>
internal sealed class AiplFold(IEnumerable<ISkuPricing> catalogs)
{
    private readonly ISkuPricing? _catalog = catalogs.FirstOrDefault();

    /// <summary>The longest category name kept; longer values are left out (a sender's mistake, not a category).</summary>
    public const int MaxCategoryLength = 200;

    private sealed record Line(string? Category, string? Sku, long? AmountMinor);

    private sealed record Reading(ProfileEvent Event, string ProfileId, AiplKinds Kind, string? Category, string? Sku, List<Line> Lines, long? RevenueMinor);

    public async Task<List<AiplTouch>> PlanAsync(TenantId tenant, AiplRules rules, IReadOnlyList<(string ProfileId, ProfileEvent Event, string? Properties)> events, CancellationToken ct)
    {
        var readings = new List<Reading>(events.Count);
        foreach (var (profileId, e, properties) in events)
        {
            if (Read(rules, profileId, e, properties) is { } reading)
                readings.Add(reading);
        }
        var categories = await CatalogCategoriesAsync(tenant, readings, ct);
        var touches = new List<AiplTouch>(readings.Count * 2);
        foreach (var r in readings)
        {
            var day = AiplStages.DayOf(r.Event.TimestampMs);
            var evidence = r.Event.MessageId;
            touches.Add(new AiplTouch(r.ProfileId, AiplStages.Brand, day, r.Kind, r.RevenueMinor ?? 0, evidence));
            var perCategory = new Dictionary<string, long>(StringComparer.Ordinal);
            if (Category(r.Category, r.Sku, categories) is { } own)
                perCategory[own] = 0;
            foreach (var line in r.Lines)
            {
                if (Category(line.Category, line.Sku, categories) is { } category)
                    perCategory[category] = perCategory.GetValueOrDefault(category) + (r.Kind == AiplKinds.Purchase ? line.AmountMinor ?? 0 : 0);
            }
            foreach (var (category, revenue) in perCategory)
                touches.Add(new AiplTouch(r.ProfileId, category, day, r.Kind, revenue, evidence));
        }
        return touches;
    }

    private static string? Category(string? named, string? sku, IReadOnlyDictionary<string, string> catalog) =>
        named ?? (sku is not null && catalog.TryGetValue(sku, out var category) ? category : null);

    private async Task<IReadOnlyDictionary<string, string>> CatalogCategoriesAsync(TenantId tenant, List<Reading> readings, CancellationToken ct)
    {
        if (_catalog is null)
            return new Dictionary<string, string>();
        var skus = new HashSet<Sku>();
        foreach (var r in readings)
        {
            if (r.Category is null && r.Sku is not null && Sku.Parse(r.Sku) is { IsSuccess: true } own)
                skus.Add(own.Value);
            foreach (var line in r.Lines)
            {
                if (line.Category is null && line.Sku is not null && Sku.Parse(line.Sku) is { IsSuccess: true } parsed)
                    skus.Add(parsed.Value);
            }
        }
        if (skus.Count == 0)
            return new Dictionary<string, string>();
        var priced = await _catalog.PriceAsync(tenant, skus, SalesChannel.Web, null, ct);
        return priced.Where(p => p.Value.Category.Length > 0).ToDictionary(p => p.Key.Value, p => p.Value.Category, StringComparer.Ordinal);
    }

    private static Reading? Read(AiplRules rules, string profileId, ProfileEvent e, string? properties)
    {
        var key = e.Type == "track" ? e.Name : e.Type;
        if (key is null)
            return null;
        var kind = rules.KindOf(key);
        // A tier the tenant counts as loyal, carried in the event's traits, makes the person Loyal to the brand that day.
        var tierLoyal = rules.Loyal.Tiers.Count > 0 && e.Traits.TryGetValue("tier", out var tierJson) && ProfileJson.Text(tierJson) is { } tier
            && rules.Loyal.Tiers.Contains(tier, StringComparer.OrdinalIgnoreCase);
        if (kind == AiplKinds.None && !tierLoyal)
            return null;
        // An order is a purchase only once completed (a refund names the same event family but is not one).
        if (kind == AiplKinds.Purchase && e.Purchase is { Kind: not PurchaseKind.Completed })
            return null;
        string? category = null, sku = null;
        decimal? rating = null;
        var lines = new List<Line>();
        var exponent = Currency.Parse(e.Purchase?.Currency) is { IsSuccess: true } currency ? currency.Value.Exponent : (int?)null;
        if (properties is not null && kind != AiplKinds.None)
        {
            using var document = JsonDocument.Parse(JsonText.Repaired(properties));
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object)
            {
                category = CategoryText(root, "category");
                sku = IdText(root, "sku") ?? IdText(root, "product_id");
                rating = Number(root, "rating");
                if (root.TryGetProperty("products", out var products) && products.ValueKind == JsonValueKind.Array)
                {
                    foreach (var product in products.EnumerateArray())
                    {
                        if (product.ValueKind != JsonValueKind.Object)
                            continue;
                        var amount = Number(product, "price") is { } price && exponent is { } exp
                            ? Minor(price * (Number(product, "quantity") ?? 1), exp)
                            : null;
                        lines.Add(new Line(CategoryText(product, "category"), IdText(product, "sku") ?? IdText(product, "product_id"), amount));
                    }
                }
            }
        }
        // A review rated below the tenant's bar is engagement, not loyalty.
        if (kind == AiplKinds.LoyaltySignal && rules.Loyal.MinRating is { } min && rating is { } given && given < min)
            kind = AiplKinds.Engagement;
        if (tierLoyal)
            kind |= AiplKinds.LoyaltySignal;
        long? revenue = kind.HasFlag(AiplKinds.Purchase) && e.Purchase?.Amount is { } total && total <= ProfileState.MaxAmount && exponent is { } e2 ? Minor(total, e2) : null;
        return new Reading(e, profileId, kind, category, sku, lines, revenue);
    }

    private static long? Minor(decimal amount, int exponent)
    {
        var factor = 1m;
        for (var i = 0; i < exponent; i++)
            factor *= 10;
        var scaled = decimal.Round(amount * factor, 0, MidpointRounding.ToEven);
        return scaled is >= -Money.MaxMinorUnits and <= Money.MaxMinorUnits ? (long)scaled : null;
    }

    private static string? CategoryText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString()!.Trim() is { Length: > 0 and <= MaxCategoryLength } text && text != AiplStages.Brand
            ? text
            : null;

    private static string? IdText(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        } : null;

    private static decimal? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.Number when value.TryGetDecimal(out var number) => number,
            JsonValueKind.String when decimal.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
            _ => null,
        } : null;
}
