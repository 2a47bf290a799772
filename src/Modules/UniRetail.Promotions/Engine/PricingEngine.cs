using System.Globalization;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Domain;

namespace UniRetail.Promotions.Engine;

/// <summary>
/// Prices a basket with a snapshot of the tenant's promotions: finds the candidates through the index, checks each one's
/// conditions, works out what each takes off alone, chooses the best combination (<see cref="Combinations"/>) and
/// explains every line. Pure: the same basket and promotions give the same answer, in whatever order they come.
/// </summary>
internal static class PricingEngine
{
    /// <summary>At most this many candidates enter the search (the ones taking most off alone); the rest are <c>candidate_limit</c>.</summary>
    public const int MaxCandidates = 64;

    /// <summary>At most this many hints, in tie-break order.</summary>
    public const int MaxHints = 5;

    public static PricedBasket Price(PromotionIndex index, PricingContext context, PricingLine[] lines) =>
        Price(index, context, lines, chosenOverride: null);

    /// <summary>Prices with a given choice instead of the search's (tests compare the search against every choice).</summary>
    internal static PricedBasket Price(PromotionIndex index, PricingContext context, IReadOnlyList<PricingLine> given, Func<Candidate[], Combinations, Evaluator, ulong>? chosenOverride)
    {
        // Priced in SKU order (a basket holds a SKU once), so every tie inside the engine falls the same way whatever the
        // order the lines came in; the answer lists them as given.
        var order = new int[given.Count];
        for (var i = 0; i < order.Length; i++)
            order[i] = i;
        Array.Sort(order, (a, b) => string.CompareOrdinal(given[a].Sku.Value, given[b].Sku.Value));
        var lines = new PricingLine[given.Count];
        for (var i = 0; i < order.Length; i++)
            lines[i] = given[order[i]];
        var all = Gather(index, context, lines);
        var declined = new List<(Candidate Candidate, string Reason)>();
        var hints = new List<PricingHint>();
        var live = new List<Candidate>(all.Count);
        var alone = new Evaluator(lines, []);
        foreach (var candidate in all)
        {
            if (candidate.Reason is null && candidate.IsBasketLevel)
                CheckBasketRule(candidate, lines, alone);
            if (candidate.Reason is null)
                live.Add(candidate);
            else
                declined.Add((candidate, candidate.Reason));
            if (candidate.Hint is { } hint && candidate.Reason is not (Reasons.NotInWindow or Reasons.WrongChannel or Reasons.WrongStore
                    or Reasons.MembersOnly or Reasons.WrongTier or Reasons.NeedsCoupon))
                hints.Add(hint);
        }
        if (live.Count > MaxCandidates)
        {
            var kept = live.OrderByDescending(c => c.Standalone).ThenBy(c => c.Ranked.Rank).Take(MaxCandidates).ToHashSet();
            foreach (var dropped in live.Where(c => !kept.Contains(c)))
                declined.Add((dropped, Reasons.CandidateLimit));
            live = live.Where(kept.Contains).ToList();
        }
        var candidates = live.ToArray();
        var evaluator = new Evaluator(lines, candidates);
        var combinations = new Combinations(candidates, evaluator);
        var chosen = chosenOverride?.Invoke(candidates, combinations, evaluator) ?? combinations.Best();
        var taken = evaluator.Record(chosen);
        return Explain(context, lines, order, candidates, combinations, chosen, taken, declined, hints);
    }

    /// <summary>Every promotion the basket reaches, in tie-break order, with its conditions checked and an item rule's amounts worked out.</summary>
    private static List<Candidate> Gather(PromotionIndex index, PricingContext context, PricingLine[] lines)
    {
        var found = new List<long>(lines.Length * 4);
        var basketRules = index.Collect(lines, found);
        found.Sort();
        var candidates = new List<Candidate>(found.Count + basketRules.Length);
        var lineBuffer = new List<int>(lines.Length);
        var b = 0;
        for (var f = 0; f < found.Count;)
        {
            var rank = (int)(found[f] >> 32);
            lineBuffer.Clear();
            for (; f < found.Count && (int)(found[f] >> 32) == rank; f++)
            {
                var line = (int)(found[f] & 0xFFFF_FFFF);
                if (lineBuffer.Count == 0 || lineBuffer[^1] != line)
                    lineBuffer.Add(line);
            }
            for (; b < basketRules.Length && basketRules[b] < rank; b++)
                candidates.Add(BasketCandidate(index.Ranked[basketRules[b]], lines, context));
            var candidate = new Candidate(index.Ranked[rank], lineBuffer.ToArray()) { Reason = Conditions(index.Ranked[rank], context) };
            if (candidate.Reason is null)
                ItemRules.Apply(candidate, lines, context);
            candidates.Add(candidate);
        }
        for (; b < basketRules.Length; b++)
            candidates.Add(BasketCandidate(index.Ranked[basketRules[b]], lines, context));
        return candidates;
    }

    private static Candidate BasketCandidate(RankedPromotion ranked, PricingLine[] lines, PricingContext context)
    {
        if (Conditions(ranked, context) is { } reason)
            return new Candidate(ranked, []) { Reason = reason };
        var target = ranked.Promotion.Rule switch
        {
            SpendThreshold r => r.Target,
            PercentOff r => r.Target,
            AmountOff r => r.Target,
            _ => Target.WholeBasket,
        };
        var scope = new List<int>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (target.Matches(lines[i].Sku, lines[i].Category))
                scope.Add(i);
        }
        return new Candidate(ranked, scope.Count == lines.Length ? AllLines(lines.Length) : scope.ToArray());
    }

    private static int[] AllLines(int count)
    {
        var all = new int[count];
        for (var i = 0; i < count; i++)
            all[i] = i;
        return all;
    }

    /// <summary>A basket rule alone, on list prices: a threshold not reached even then is declined with a hint.</summary>
    private static void CheckBasketRule(Candidate candidate, PricingLine[] lines, Evaluator alone)
    {
        long net = 0;
        foreach (var line in candidate.Lines)
            net += lines[line].ListMinor;
        // Its hint waits for the chosen discounts: the shopper has to reach the threshold on what the lines cost after them.
        if (candidate.Ranked.Promotion.Rule is SpendThreshold rule && net < rule.ThresholdMinor)
        {
            candidate.Reason = Reasons.BelowThreshold;
            return;
        }
        candidate.Standalone = alone.Alone(candidate);
        if (candidate.Standalone == 0)
            candidate.Reason = Reasons.NoSaving;
    }

    private static string Reward(SpendThreshold rule, PricingContext context) =>
        rule.Percent is { } percent ? $"{percent.ToString("0.##", CultureInfo.InvariantCulture)}% off" : $"{Hints.Format(rule.AmountMinor ?? 0, context.Currency)} off";

    /// <summary>The first condition the basket fails, or null. Checked in a fixed order, so the reason is stable.</summary>
    public static string? Conditions(RankedPromotion ranked, PricingContext context)
    {
        var promotion = ranked.Promotion;
        var conditions = promotion.Conditions;
        if (conditions.CouponRequired && !context.Unlocked.Contains(promotion.Id))
            return Reasons.NeedsCoupon;
        if (conditions.Channels.Count > 0 && !conditions.Channels.Contains(context.Channel))
            return Reasons.WrongChannel;
        if (conditions.Stores.Count > 0 && (context.Store is not { } store || !conditions.Stores.Contains(store)))
            return Reasons.WrongStore;
        if ((conditions.ValidFrom is { } from && context.At < from) || (conditions.ValidTo is { } to && context.At >= to))
            return Reasons.NotInWindow;
        if (conditions.Schedule is { } schedule)
        {
            var zone = context.StoreZone ?? ranked.ScheduleZone!;
            if (!schedule.Contains(TimeZoneInfo.ConvertTime(context.At, zone).DateTime))
                return Reasons.NotInWindow;
        }
        if ((conditions.MembersOnly || conditions.Tiers.Count > 0) && !context.IsMember)
            return Reasons.MembersOnly;
        if (conditions.Tiers.Count > 0 && (context.Tier is not { } tier || !conditions.Tiers.Contains(tier)))
            return Reasons.WrongTier;
        return null;
    }

    private static PricedBasket Explain(
        PricingContext context, PricingLine[] lines, int[] order, Candidate[] candidates, Combinations combinations, ulong chosen,
        List<(int Candidate, int Line, long Amount)> taken, List<(Candidate Candidate, string Reason)> declined, List<PricingHint> hints)
    {
        var currency = context.Currency;
        var perCandidate = new long[candidates.Length];
        var lineApplied = new List<AppliedPromotion>?[lines.Length];
        var lineDiscount = new long[lines.Length];
        foreach (var (c, line, amount) in taken)
        {
            perCandidate[c] += amount;
            lineDiscount[line] += amount;
            var p = candidates[c].Ranked.Promotion;
            (lineApplied[line] ??= []).Add(new AppliedPromotion(p.Id, p.Code, p.Name, Money.FromMinor(amount, currency)));
        }
        for (var i = 0; i < candidates.Length; i++)
        {
            var candidate = candidates[i];
            if ((chosen & (1UL << i)) != 0 && perCandidate[i] > 0)
                continue;
            if ((chosen & (1UL << i)) != 0)
            {
                declined.Add((candidate, candidate.Ranked.Promotion.Rule is SpendThreshold ? Reasons.BelowThreshold : Reasons.NoSaving));
                continue;
            }
            var by = combinations.ConflictsOf(i) & chosen;
            declined.Add((candidate, by != 0 ? Reasons.ExcludedBy(candidates[System.Numerics.BitOperations.TrailingZeroCount(by)].Id) : Reasons.WorseCombination));
        }

        foreach (var (candidate, reason) in declined)
        {
            if (reason == Reasons.BelowThreshold && candidate.Ranked.Promotion.Rule is SpendThreshold threshold)
            {
                var more = threshold.ThresholdMinor - NetOf(candidate, lines, lineDiscount);
                if (more > 0)
                    hints.Add(Hints.SpendMore(candidate, more, Reward(threshold, context), context));
            }
        }

        var lineDeclined = new List<DeclinedPromotion>?[lines.Length];
        var basketDeclined = new List<DeclinedPromotion>();
        declined.Sort((a, b) => a.Candidate.Ranked.Rank.CompareTo(b.Candidate.Ranked.Rank));
        foreach (var (candidate, reason) in declined)
        {
            var entry = new DeclinedPromotion(candidate.Id, candidate.Ranked.Promotion.Code, reason);
            if (candidate.IsBasketLevel)
                basketDeclined.Add(entry);
            else
            {
                foreach (var line in candidate.Lines)
                    (lineDeclined[line] ??= []).Add(entry);
            }
        }

        var priced = new PricedLine[lines.Length];
        long subtotal = 0, discount = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            subtotal += line.ListMinor;
            discount += lineDiscount[i];
            priced[order[i]] = new PricedLine(
                order[i] + 1, line.Sku, line.Name, Quantity.FromStored(line.Quantity), Money.FromMinor(line.UnitMinor, currency),
                Money.FromMinor(line.ListMinor, currency), Money.FromMinor(lineDiscount[i], currency), Money.FromMinor(line.ListMinor - lineDiscount[i], currency),
                (IReadOnlyList<AppliedPromotion>?)lineApplied[i] ?? [], (IReadOnlyList<DeclinedPromotion>?)lineDeclined[i] ?? []);
        }
        var summary = new List<AppliedPromotion>();
        for (var i = 0; i < candidates.Length; i++)
        {
            if (perCandidate[i] > 0)
            {
                var p = candidates[i].Ranked.Promotion;
                summary.Add(new AppliedPromotion(p.Id, p.Code, p.Name, Money.FromMinor(perCandidate[i], currency)));
            }
        }
        var shownHints = hints.Count <= 1 ? hints : hints.DistinctBy(h => h.Promotion).Take(MaxHints).ToList();
        return new PricedBasket(currency, priced, Money.FromMinor(subtotal, currency), Money.FromMinor(discount, currency),
            Money.FromMinor(subtotal - discount, currency), summary, basketDeclined, shownHints);
    }

    private static long NetOf(Candidate candidate, PricingLine[] lines, long[] lineDiscount)
    {
        long net = 0;
        foreach (var line in candidate.Lines)
            net += lines[line].ListMinor - lineDiscount[line];
        return net;
    }
}
