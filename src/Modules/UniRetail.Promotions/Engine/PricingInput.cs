using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;

namespace UniRetail.Promotions.Engine;

/// <summary>A basket line as the engine reads it: the unit price in minor units and the SKU's category path.</summary>
internal sealed record PricingLine(Sku Sku, string Name, int Quantity, long UnitMinor, string Category)
{
    public long ListMinor => UnitMinor * Quantity;
}

/// <summary>Everything about the basket beyond its lines that a promotion's conditions read.</summary>
internal sealed record PricingContext(
    SalesChannel Channel,
    LocationId? Store,
    TimeZoneInfo? StoreZone,
    bool IsMember,
    string? Tier,
    IReadOnlySet<PromotionId> Unlocked,
    DateTimeOffset At,
    Currency Currency);

/// <summary>The stable reasons a promotion did not apply.</summary>
internal static class Reasons
{
    public const string NotInWindow = "not_in_window";
    public const string WrongChannel = "wrong_channel";
    public const string WrongStore = "wrong_store";
    public const string MembersOnly = "members_only";
    public const string WrongTier = "wrong_tier";
    public const string NeedsCoupon = "needs_coupon";
    public const string BelowThreshold = "below_threshold";
    public const string NotEnoughItems = "not_enough_items";
    public const string NoSaving = "no_saving";
    public const string WorseCombination = "worse_combination";
    public const string CandidateLimit = "candidate_limit";

    public static string ExcludedBy(PromotionId by) => "excluded_by:" + by.Value;
}

/// <summary>Money arithmetic in minor units, with the rounding the engine documents.</summary>
internal static class Minor
{
    /// <summary>
    /// A percentage, given in hundredths (12.5% is 1250), of an amount, rounded to the minor unit half away from zero: a
    /// discount of 2.5p is 3p. A shopper reads a receipt's tie the way school taught, and the tie goes their way. Integer
    /// arithmetic: the same answer as decimal, without its cost on the pricing path.
    /// </summary>
    public static long Percent(long amount, long hundredths)
    {
        if (amount <= 90_000_000_000_000L)
            return (amount * hundredths + 5_000) / 10_000;
        return (long)(((Int128)amount * hundredths + 5_000) / 10_000);
    }

    /// <summary>
    /// Splits <paramref name="total"/> over the weights in proportion (largest remainder; ties to the
    /// earlier index), so the shares add up to the total exactly and each is at most its weight when the total is.
    /// </summary>
    public static void Allocate(long total, ReadOnlySpan<long> weights, Span<long> shares)
    {
        long sum = 0, largest = 0;
        foreach (var w in weights)
        {
            sum += w;
            largest = Math.Max(largest, w);
        }
        shares.Clear();
        if (sum == 0 || total == 0)
            return;
        // The remainders share one denominator (the sum), so they compare as they are. Long arithmetic whenever
        // total × weight fits (every real basket); Int128 otherwise, whose division is many times slower.
        Span<long> remainders = weights.Length <= 128 ? stackalloc long[weights.Length] : new long[weights.Length];
        var fits = total <= long.MaxValue / largest;
        long given = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (fits)
            {
                var exact = total * weights[i];
                shares[i] = exact / sum;
                remainders[i] = exact % sum;
            }
            else
            {
                var exact = (Int128)total * weights[i];
                shares[i] = (long)(exact / sum);
                remainders[i] = (long)(exact % sum);
            }
            given += shares[i];
        }
        for (var left = total - given; left > 0; left--)
        {
            var best = -1;
            for (var i = 0; i < weights.Length; i++)
            {
                if (remainders[i] >= 0 && shares[i] < weights[i] && (best < 0 || remainders[i] > remainders[best]))
                    best = i;
            }
            if (best < 0)
                break;
            shares[best]++;
            remainders[best] = -1;
        }
    }
}
