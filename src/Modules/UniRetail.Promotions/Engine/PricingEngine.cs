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
        // An insertion sort: a basket is at most 100 lines, mostly a handful, where it beats a general sort and its delegate.
        var order = new int[given.Count];
        var lines = new PricingLine[given.Count];
        for (var i = 0; i < order.Length; i++)
        {
            var at = i;
            for (; at > 0 && string.CompareOrdinal(lines[at - 1].Sku.Value, given[i].Sku.Value) > 0; at--)
            {
                lines[at] = lines[at - 1];
                order[at] = order[at - 1];
            }
            lines[at] = given[i];
            order[at] = i;
        }
        var all = Gather(index, context, lines);
        var declined = new List<(Candidate Candidate, string Reason)>(all.Count);
        var hints = new List<(PromotionId Promotion, Func<PricingHint> Make)>();
        var live = new List<Candidate>(all.Count);
        var alone = new BasketRulesAlone(lines);
        foreach (var candidate in all)
        {
            if (candidate.Reason is null && candidate.IsBasketLevel)
                CheckBasketRule(candidate, ref alone);
            if (candidate.Reason is null)
                live.Add(candidate);
            else
                declined.Add((candidate, candidate.Reason));
            if (candidate.Hint is { } hint && candidate.Reason is not (Reasons.NotInWindow or Reasons.WrongChannel or Reasons.WrongStore
                    or Reasons.MembersOnly or Reasons.WrongTier or Reasons.NeedsCoupon))
                hints.Add((candidate.Id, hint));
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
        var combinations = new Combinations(candidates, evaluator, lines.Length);
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
        var clock = new LocalClock(context);
        var scratch = new ItemRules.Scratch(lines.Length);
        int[]? allLines = null;
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
                candidates.Add(BasketCandidate(index.Ranked[basketRules[b]], lines, context, ref clock, ref allLines));
            var candidate = new Candidate(index.Ranked[rank], lineBuffer.ToArray()) { Reason = Conditions(index.Ranked[rank], context, ref clock) };
            if (candidate.Reason is null)
                ItemRules.Apply(candidate, lines, context, scratch);
            candidates.Add(candidate);
        }
        for (; b < basketRules.Length; b++)
            candidates.Add(BasketCandidate(index.Ranked[basketRules[b]], lines, context, ref clock, ref allLines));
        return candidates;
    }

    /// <summary>
    /// A basket rule's candidate: its conditions, then its scope (one array of every line, shared by the whole-basket rules
    /// of the call, which never write to it).
    /// </summary>
    private static Candidate BasketCandidate(RankedPromotion ranked, PricingLine[] lines, PricingContext context, ref LocalClock clock, ref int[]? allLines)
    {
        if (Conditions(ranked, context, ref clock) is { } reason)
            return new Candidate(ranked, []) { Reason = reason };
        var target = ranked.Promotion.Rule switch
        {
            SpendThreshold r => r.Target,
            PercentOff r => r.Target,
            AmountOff r => r.Target,
            _ => Target.WholeBasket,
        };
        if (target.Basket)
            return new Candidate(ranked, allLines ??= AllLines(lines.Length));
        var scope = new List<int>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            if (target.Matches(lines[i].Sku, lines[i].Category))
                scope.Add(i);
        }
        return new Candidate(ranked, scope.Count == lines.Length ? allLines ??= AllLines(lines.Length) : scope.ToArray());
    }

    private static int[] AllLines(int count)
    {
        var all = new int[count];
        for (var i = 0; i < count; i++)
            all[i] = i;
        return all;
    }

    /// <summary>A basket rule alone, on list prices: a threshold not reached even then is declined with a hint.</summary>
    private static void CheckBasketRule(Candidate candidate, ref BasketRulesAlone alone)
    {
        var net = alone.ListTotal(candidate.Lines);
        // Its hint waits for the chosen discounts: the shopper has to reach the threshold on what the lines cost after them.
        if (candidate.Ranked.Promotion.Rule is SpendThreshold rule && net < rule.ThresholdMinor)
        {
            candidate.Reason = Reasons.BelowThreshold;
            return;
        }
        candidate.Standalone = alone.Value(candidate, net);
        if (candidate.Standalone == 0)
            candidate.Reason = Reasons.NoSaving;
    }

    /// <summary>
    /// What basket rules take off on their own, on list prices, without running the evaluator: a percentage line by line,
    /// or the whole amount up to the lines' total (what the evaluator's largest-remainder split hands out exactly). The
    /// lines' list totals are read once a call; the whole basket's total and its last percentage are kept, since most
    /// basket rules scope every line.
    /// </summary>
    private struct BasketRulesAlone
    {
        private readonly long[] _list;
        private readonly long _subtotal;
        private long _percent;
        private long _percentTotal;

        public BasketRulesAlone(PricingLine[] lines)
        {
            _list = new long[lines.Length];
            for (var i = 0; i < lines.Length; i++)
            {
                _list[i] = lines[i].ListMinor;
                _subtotal += _list[i];
            }
            _percent = -1;
        }

        /// <summary>The list total of <paramref name="scope"/> (distinct lines in order, so as many as the basket's are all of them).</summary>
        public readonly long ListTotal(int[] scope)
        {
            if (scope.Length == _list.Length)
                return _subtotal;
            long net = 0;
            foreach (var line in scope)
                net += _list[line];
            return net;
        }

        public long Value(Candidate candidate, long net)
        {
            var rule = candidate.Ranked.Promotion.Rule;
            var percent = rule switch
            {
                SpendThreshold r => r.Hundredths,
                PercentOff r => r.Hundredths,
                _ => null,
            };
            if (percent is not { } hundredths)
            {
                return rule switch
                {
                    SpendThreshold { AmountMinor: { } amount } => Math.Min(amount, net),
                    AmountOff r => Math.Min(r.AmountMinor, net),
                    _ => 0,
                };
            }
            var whole = candidate.Lines.Length == _list.Length;
            if (whole && hundredths == _percent)
                return _percentTotal;
            long total = 0;
            foreach (var line in candidate.Lines)
                total += Minor.Percent(_list[line], hundredths);
            if (whole)
                (_percent, _percentTotal) = (hundredths, total);
            return total;
        }
    }

    private static string Reward(SpendThreshold rule, PricingContext context) =>
        rule.Percent is { } percent ? $"{percent.ToString("0.##", CultureInfo.InvariantCulture)}% off" : $"{Hints.Format(rule.AmountMinor ?? 0, context.Currency)} off";

    /// <summary>The first condition the basket fails, or null. Checked in a fixed order, so the reason is stable.</summary>
    public static string? Conditions(RankedPromotion ranked, PricingContext context, ref LocalClock clock)
    {
        var promotion = ranked.Promotion;
        var conditions = promotion.Conditions;
        if (conditions.CouponRequired && !context.Unlocked.Contains(promotion.Id))
            return Reasons.NeedsCoupon;
        if (ranked.Channels != 0 && (ranked.Channels & (1UL << (int)context.Channel)) == 0)
            return Reasons.WrongChannel;
        if (conditions.Stores.Count > 0 && (context.Store is not { } store || !conditions.Stores.Contains(store)))
            return Reasons.WrongStore;
        if ((conditions.ValidFrom is { } from && context.At < from) || (conditions.ValidTo is { } to && context.At >= to))
            return Reasons.NotInWindow;
        if (conditions.Schedule is { } schedule && !schedule.Contains(clock.LocalTime(context.StoreZone ?? ranked.ScheduleZone!)))
            return Reasons.NotInWindow;
        if ((conditions.MembersOnly || conditions.Tiers.Count > 0) && !context.IsMember)
            return Reasons.MembersOnly;
        if (conditions.Tiers.Count > 0 && (context.Tier is not { } tier || !conditions.Tiers.Contains(tier)))
            return Reasons.WrongTier;
        return null;
    }

    /// <summary>The basket's instant in a zone's local time, converted once per zone met in a call (the last one is kept).</summary>
    internal struct LocalClock(PricingContext context)
    {
        private TimeZoneInfo? _zone;
        private DateTime _local;

        public DateTime LocalTime(TimeZoneInfo zone)
        {
            if (!ReferenceEquals(zone, _zone))
            {
                _local = TimeZoneInfo.ConvertTime(context.At, zone).DateTime;
                _zone = zone;
            }
            return _local;
        }
    }

    private static PricedBasket Explain(
        PricingContext context, PricingLine[] lines, int[] order, Candidate[] candidates, Combinations combinations, ulong chosen,
        List<(int Candidate, int Line, long Amount)> taken, List<(Candidate Candidate, string Reason)> declined, List<(PromotionId Promotion, Func<PricingHint> Make)> hints)
    {
        var currency = context.Currency;
        // Each line's lists are arrays of their exact size: counted first, then filled.
        var perCandidate = new long[candidates.Length];
        var lineDiscount = new long[lines.Length];
        var counts = new int[lines.Length];
        foreach (var (_, line, _) in taken)
            counts[line]++;
        var lineApplied = new AppliedPromotion[]?[lines.Length];
        foreach (var (c, line, amount) in taken)
        {
            perCandidate[c] += amount;
            lineDiscount[line] += amount;
            var p = candidates[c].Ranked.Promotion;
            var applied = lineApplied[line] ??= new AppliedPromotion[counts[line]];
            applied[^counts[line]--] = new AppliedPromotion(p.Id, p.Code, p.Name, Money.FromMinor(amount, currency));
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
            declined.Add((candidate, by != 0 ? candidates[System.Numerics.BitOperations.TrailingZeroCount(by)].Ranked.ExcludedByThis : Reasons.WorseCombination));
        }

        foreach (var (candidate, reason) in declined)
        {
            if (reason == Reasons.BelowThreshold && candidate.Ranked.Promotion.Rule is SpendThreshold threshold)
            {
                var more = threshold.ThresholdMinor - NetOf(candidate, lines, lineDiscount);
                if (more > 0)
                    hints.Add((candidate.Id, SpendMoreHint(candidate, more, threshold, context)));
            }
        }

        var lineDeclined = new DeclinedPromotion[]?[lines.Length];
        var basketCount = 0;
        declined.Sort((a, b) => a.Candidate.Ranked.Rank.CompareTo(b.Candidate.Ranked.Rank));
        foreach (var (candidate, _) in declined)
        {
            if (candidate.IsBasketLevel)
                basketCount++;
            else
            {
                foreach (var line in candidate.Lines)
                    counts[line]++;
            }
        }
        var basketDeclined = new DeclinedPromotion[basketCount];
        foreach (var (candidate, reason) in declined)
        {
            var entry = candidate.Ranked.Declined(reason);
            if (candidate.IsBasketLevel)
                basketDeclined[^basketCount--] = entry;
            else
            {
                foreach (var line in candidate.Lines)
                    (lineDeclined[line] ??= new DeclinedPromotion[counts[line]])[^counts[line]--] = entry;
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
        var summary = new List<AppliedPromotion>(taken.Count);
        for (var i = 0; i < candidates.Length; i++)
        {
            if (perCandidate[i] > 0)
            {
                var p = candidates[i].Ranked.Promotion;
                summary.Add(new AppliedPromotion(p.Id, p.Code, p.Name, Money.FromMinor(perCandidate[i], currency)));
            }
        }
        var shownHints = new List<PricingHint>(Math.Min(hints.Count, MaxHints));
        foreach (var (promotion, make) in hints)
        {
            if (shownHints.Count == MaxHints)
                break;
            if (!Shown(shownHints, promotion))
                shownHints.Add(make());
        }
        return new PricedBasket(currency, priced, Money.FromMinor(subtotal, currency), Money.FromMinor(discount, currency),
            Money.FromMinor(subtotal - discount, currency), summary, basketDeclined, shownHints);
    }

    private static bool Shown(List<PricingHint> hints, PromotionId promotion)
    {
        foreach (var hint in hints)
        {
            if (hint.Promotion == promotion)
                return true;
        }
        return false;
    }

    private static Func<PricingHint> SpendMoreHint(Candidate candidate, long more, SpendThreshold threshold, PricingContext context) =>
        () => Hints.SpendMore(candidate, more, Reward(threshold, context), context);

    private static long NetOf(Candidate candidate, PricingLine[] lines, long[] lineDiscount)
    {
        long net = 0;
        foreach (var line in candidate.Lines)
            net += lines[line].ListMinor - lineDiscount[line];
        return net;
    }
}
