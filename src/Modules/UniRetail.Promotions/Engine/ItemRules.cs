using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Domain;

namespace UniRetail.Promotions.Engine;

/// <summary>What each item rule takes off a basket on its own, against list prices.</summary>
internal static class ItemRules
{
    /// <summary>Working space for one pricing call, reused by each of its item rules.</summary>
    public sealed class Scratch(int lines)
    {
        public long[] Amounts { get; } = new long[lines];
    }

    public static void Apply(Candidate candidate, PricingLine[] lines, PricingContext context, Scratch scratch)
    {
        var amounts = scratch.Amounts.AsSpan(0, candidate.Lines.Length);
        amounts.Clear();
        switch (candidate.Ranked.Promotion.Rule)
        {
            case PercentOff rule:
                for (var i = 0; i < amounts.Length; i++)
                    amounts[i] = Minor.Percent(lines[candidate.Lines[i]].ListMinor, rule.Hundredths);
                break;
            case AmountOff rule:
                for (var i = 0; i < amounts.Length; i++)
                {
                    var line = lines[candidate.Lines[i]];
                    amounts[i] = Math.Min(rule.AmountMinor, line.UnitMinor) * line.Quantity;
                }
                break;
            case FixedPrice rule:
                for (var i = 0; i < amounts.Length; i++)
                {
                    var line = lines[candidate.Lines[i]];
                    amounts[i] = Math.Max(0, line.UnitMinor - rule.UnitPriceMinor) * line.Quantity;
                }
                break;
            case MultiBuy rule:
                MultiBuyAmounts(candidate, rule, lines, amounts, context);
                break;
            case BuyGet rule:
                BuyGetAmounts(candidate, rule, lines, amounts, context);
                break;
            case Bundle rule:
                BundleAmounts(candidate, rule, lines, amounts, context);
                break;
        }
        Keep(candidate, amounts);
    }

    /// <summary>Keeps the lines it takes something off; a rule that takes nothing off has a reason already or gets <c>no_saving</c>.</summary>
    /// <remarks>When it takes something off every line it names, its touched lines are its lines (the same array: neither is written to).</remarks>
    private static void Keep(Candidate candidate, Span<long> amounts)
    {
        var touched = 0;
        foreach (var a in amounts)
            touched += a > 0 ? 1 : 0;
        candidate.Touched = touched == amounts.Length ? candidate.Lines : new int[touched];
        candidate.Amounts = new long[touched];
        long total = 0;
        for (int i = 0, j = 0; i < amounts.Length; i++)
        {
            if (amounts[i] <= 0)
                continue;
            candidate.Touched[j] = candidate.Lines[i];
            candidate.Amounts[j++] = amounts[i];
            total += amounts[i];
        }
        candidate.Standalone = total;
        if (total == 0)
            candidate.Reason ??= Reasons.NoSaving;
    }

    /// <summary>
    /// Units of the target, most expensive first (ties: earlier line), in groups of <c>Quantity</c>: the last
    /// <c>Quantity − Pay</c> units of each group are free, so the cheapest units of a group are the ones given away.
    /// </summary>
    private static void MultiBuyAmounts(Candidate candidate, MultiBuy rule, PricingLine[] lines, Span<long> amounts, PricingContext context)
    {
        var order = ByPrice(candidate.Lines, lines, descending: true);
        long units = 0;
        foreach (var i in order)
            units += lines[candidate.Lines[i]].Quantity;
        var groupSize = rule.Quantity;
        var pay = rule.Pay ?? 0;
        long position = 0;
        foreach (var i in order)
        {
            var line = lines[candidate.Lines[i]];
            var end = position + line.Quantity;
            var free = FreeUpTo(end, groupSize, pay) - FreeUpTo(position, groupSize, pay);
            amounts[i] = free * line.UnitMinor;
            position = end;
        }
        var short_ = (int)((groupSize - units % groupSize) % groupSize);
        if (units < groupSize)
            candidate.Reason = Reasons.NotEnoughItems;
        if (short_ > 0)
        {
            candidate.Hint = MultiBuyHint(candidate, short_, groupSize, pay, context);
        }
    }

    private static Func<PricingHint> MultiBuyHint(Candidate candidate, int more, int groupSize, int pay, PricingContext context) =>
        () => Hints.AddItems(candidate, more, null, $"Add {more} more for {groupSize} for {pay}", context);

    private static long FreeUpTo(long position, int groupSize, int pay) =>
        position / groupSize * (groupSize - pay) + Math.Max(0, position % groupSize - pay);

    /// <summary>
    /// Sets of <c>BuyQuantity</c> units of the buy target and <c>GetQuantity</c> other units of the get target: as many sets
    /// as the units allow, and the cheapest units of the get target are the ones discounted.
    /// </summary>
    private static void BuyGetAmounts(Candidate candidate, BuyGet rule, PricingLine[] lines, Span<long> amounts, PricingContext context)
    {
        long buyOnly = 0, getOnly = 0, shared = 0;
        var isBuy = new bool[candidate.Lines.Length];
        var isGet = new bool[candidate.Lines.Length];
        for (var i = 0; i < candidate.Lines.Length; i++)
        {
            var line = lines[candidate.Lines[i]];
            isBuy[i] = rule.Buy.Matches(line.Sku, line.Category);
            isGet[i] = rule.Get.Matches(line.Sku, line.Category);
            if (isBuy[i] && isGet[i])
                shared += line.Quantity;
            else if (isBuy[i])
                buyOnly += line.Quantity;
            else if (isGet[i])
                getOnly += line.Quantity;
        }
        long x = rule.BuyQuantity, y = rule.GetQuantity;
        var sets = Math.Min((buyOnly + getOnly + shared) / (x + y), Math.Min((buyOnly + shared) / x, (getOnly + shared) / y));
        if (sets == 0)
            candidate.Reason = Reasons.NotEnoughItems;
        var sharedForGet = shared - Math.Max(0, sets * x - buyOnly);
        var toDiscount = sets * y;
        foreach (var i in ByPrice(candidate.Lines, lines, descending: false))
        {
            if (toDiscount == 0)
                break;
            if (!isGet[i])
                continue;
            var line = lines[candidate.Lines[i]];
            var take = Math.Min(toDiscount, line.Quantity);
            if (isBuy[i])
            {
                take = Math.Min(take, sharedForGet);
                sharedForGet -= take;
            }
            amounts[i] = Minor.Percent(take * line.UnitMinor, rule.Hundredths);
            toDiscount -= take;
        }
        var next = sets + 1;
        var missing = Math.Max(Math.Max(next * (x + y) - (buyOnly + getOnly + shared), next * x - buyOnly - shared), next * y - getOnly - shared);
        if (missing > 0 && missing < x + y && buyOnly + getOnly + shared > sets * (x + y))
            candidate.Hint = BuyGetHint(candidate, missing, y, rule.Percent, context);
    }

    private static Func<PricingHint> BuyGetHint(Candidate candidate, long missing, long y, decimal percent, PricingContext context) => () =>
    {
        var what = percent == 100 ? $"{y} free" : $"{y} at {percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)}% off";
        return Hints.AddItems(candidate, (int)missing, null, $"Add {missing} more to get {what}", context);
    };

    /// <summary>Whole bundles the lines hold; each bundle's saving is shared over its items in proportion to their list value.</summary>
    private static void BundleAmounts(Candidate candidate, Bundle rule, PricingLine[] lines, Span<long> amounts, PricingContext context)
    {
        var at = new int[rule.Items.Count];
        long bundles = long.MaxValue;
        var missingItems = 0;
        BundleItem? missing = null;
        for (var k = 0; k < rule.Items.Count; k++)
        {
            at[k] = -1;
            for (var i = 0; i < candidate.Lines.Length; i++)
            {
                if (lines[candidate.Lines[i]].Sku == rule.Items[k].Sku)
                    at[k] = i;
            }
            var held = at[k] < 0 ? 0 : lines[candidate.Lines[at[k]]].Quantity / rule.Items[k].Quantity;
            if (held == 0)
            {
                missingItems++;
                missing = rule.Items[k];
            }
            bundles = Math.Min(bundles, held);
        }
        if (bundles == 0)
        {
            candidate.Reason = Reasons.NotEnoughItems;
            if (missingItems == 1 && missing is not null)
            {
                var heldAt = at[IndexOf(rule.Items, missing)];
                candidate.Hint = BundleHint(candidate, missing.Quantity - (heldAt >= 0 ? lines[candidate.Lines[heldAt]].Quantity : 0), missing.Sku, rule.PriceMinor, context);
            }
            return;
        }
        var weights = new long[rule.Items.Count];
        long list = 0;
        for (var k = 0; k < rule.Items.Count; k++)
        {
            weights[k] = lines[candidate.Lines[at[k]]].UnitMinor * rule.Items[k].Quantity;
            list += weights[k];
        }
        if (list <= rule.PriceMinor)
            return;
        var shares = new long[rule.Items.Count];
        Minor.Allocate(list - rule.PriceMinor, weights, shares);
        for (var k = 0; k < rule.Items.Count; k++)
            amounts[at[k]] += shares[k] * bundles;
    }

    private static Func<PricingHint> BundleHint(Candidate candidate, int quantity, Sku sku, long priceMinor, PricingContext context) =>
        () => Hints.AddItems(candidate, quantity, sku, $"Add {sku} for {candidate.Ranked.Promotion.Name} at {Hints.Format(priceMinor, context.Currency)}", context);

    private static int IndexOf(IReadOnlyList<BundleItem> items, BundleItem item)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] == item)
                return i;
        }
        return -1;
    }

    /// <summary>Indexes into <paramref name="candidateLines"/> by unit price, ties by line order.</summary>
    private static int[] ByPrice(int[] candidateLines, PricingLine[] lines, bool descending)
    {
        // An insertion sort (stable, so ties stay in line order): a rule names a few of the basket's lines.
        var order = new int[candidateLines.Length];
        for (var i = 0; i < order.Length; i++)
        {
            var price = lines[candidateLines[i]].UnitMinor;
            var at = i;
            for (; at > 0 && (descending ? lines[candidateLines[order[at - 1]]].UnitMinor < price : lines[candidateLines[order[at - 1]]].UnitMinor > price); at--)
                order[at] = order[at - 1];
            order[at] = i;
        }
        return order;
    }
}
