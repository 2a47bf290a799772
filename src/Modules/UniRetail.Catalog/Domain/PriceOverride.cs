using UniRetail.Kernel;

namespace UniRetail.Catalog.Domain;

/// <summary>What a price override applies to: every sale in one channel, or every sale at one location.</summary>
internal abstract record PriceTarget
{
    private PriceTarget()
    {
    }

    public sealed record Channel(SalesChannel Value) : PriceTarget
    {
        public override string ToString() => $"channel {SalesChannels.ToName(Value)}";
    }

    public sealed record Location(LocationId Value) : PriceTarget
    {
        public override string ToString() => $"location {Value}";
    }
}

/// <summary>A SKU's price for one channel or location, replacing its base price there.</summary>
internal sealed record PriceOverride(Sku Sku, PriceTarget Target, Money Price);

/// <summary>The one pricing rule every channel follows: location override, else channel override, else the base price.</summary>
internal static class PriceRules
{
    public static Money Resolve(Money basePrice, IEnumerable<PriceOverride> overrides, SalesChannel channel, LocationId? store)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        Money? forChannel = null;
        foreach (var candidate in overrides)
        {
            switch (candidate.Target)
            {
                case PriceTarget.Location at when at.Value == store:
                    return candidate.Price;
                case PriceTarget.Channel ch when ch.Value == channel:
                    forChannel = candidate.Price;
                    break;
            }
        }
        return forChannel ?? basePrice;
    }
}

/// <summary>Reads a price as the API and the CSV give it: an amount and an optional currency, which must be the tenant's.</summary>
internal static class CatalogPrice
{
    public static Result<Money> Parse(decimal? amount, string? currency, Currency tenantCurrency, string amountField, string currencyField)
    {
        ArgumentNullException.ThrowIfNull(tenantCurrency);
        if (amount is null)
            return CatalogErrors.Required(amountField);
        if (!string.IsNullOrWhiteSpace(currency))
        {
            var given = Currency.Parse(currency, currencyField);
            if (!given.IsSuccess)
                return given.Error;
            if (given.Value != tenantCurrency)
                return CatalogErrors.WrongCurrency(given.Value, tenantCurrency, currencyField);
        }
        return Money.Of(amount.Value, tenantCurrency, amountField);
    }
}
