namespace UniRetail.Promotions.Engine;

/// <summary>
/// Chooses the set of candidates best for the customer: the largest discount; ties go to fewer promotions, then to the set
/// holding the earlier promotion in the tie-break order (priority, then id). Up to <see cref="ExactCandidates"/> candidates
/// every conflict-free set is tried. Beyond that the search is bounded: item rules are split into groups that share no
/// line, each group searched exhaustively up to <see cref="ExactGroup"/> (greedily beyond), then every conflict-free set of
/// up to <see cref="ExactBasketRules"/> basket rules is tried on top, and each exclusive basket rule alone.
/// </summary>
internal sealed class Combinations
{
    public const int ExactCandidates = 10;
    public const int ExactGroup = 12;
    public const int ExactBasketRules = 6;

    private readonly Candidate[] _candidates;
    private readonly ulong[] _conflicts;
    private readonly Evaluator _evaluator;

    public Combinations(Candidate[] candidates, Evaluator evaluator)
    {
        _candidates = candidates;
        _evaluator = evaluator;
        _conflicts = new ulong[candidates.Length];
        for (var a = 0; a < candidates.Length; a++)
        {
            for (var b = a + 1; b < candidates.Length; b++)
            {
                if (!Conflict(candidates[a], candidates[b]))
                    continue;
                _conflicts[a] |= 1UL << b;
                _conflicts[b] |= 1UL << a;
            }
        }
    }

    public ulong ConflictsOf(int candidate) => _conflicts[candidate];

    /// <summary>
    /// Two candidates cannot both apply when one is an exclusive basket rule, or they share a line and are in the same
    /// stacking group, or share a line as item rules one of which is exclusive.
    /// </summary>
    public static bool Conflict(Candidate a, Candidate b)
    {
        if ((a.IsBasketLevel && a.Exclusive) || (b.IsBasketLevel && b.Exclusive))
            return true;
        var sameGroup = a.Ranked.Group == b.Ranked.Group;
        var exclusiveItems = !a.IsBasketLevel && !b.IsBasketLevel && (a.Exclusive || b.Exclusive);
        return (sameGroup || exclusiveItems) && Overlap(a.Footprint, b.Footprint);
    }

    private static bool Overlap(int[] x, int[] y)
    {
        for (int i = 0, j = 0; i < x.Length && j < y.Length;)
        {
            if (x[i] == y[j])
                return true;
            if (x[i] < y[j])
                i++;
            else
                j++;
        }
        return false;
    }

    public ulong Best()
    {
        if (_candidates.Length <= ExactCandidates)
        {
            var all = new List<int>(_candidates.Length);
            for (var i = 0; i < _candidates.Length; i++)
                all.Add(i);
            var best = new Choice(0, -1);
            Search(all, itemsOnly: false, from: 0, ref best);
            return best.Mask;
        }
        return Bounded();
    }

    private readonly record struct Choice(ulong Mask, long Total);

    /// <summary>Tries every conflict-free subset of <paramref name="pool"/> added to <paramref name="from"/>, best first.</summary>
    private void Search(List<int> pool, bool itemsOnly, ulong from, ref Choice best)
    {
        // What each candidate takes off alone bounds what it adds to any set (caps and later rules only take away), so a
        // branch whose bound is below the best found is cut; including before excluding finds a good set early.
        var suffix = new long[pool.Count + 1];
        for (var k = pool.Count - 1; k >= 0; k--)
            suffix[k] = suffix[k + 1] + _candidates[pool[k]].Standalone;
        long fromBound = 0;
        foreach (var i in Evaluator.Bits(from))
            fromBound += _candidates[i].Standalone;
        Exhaustive(pool, 0, from, fromBound, suffix, itemsOnly, ref best);
    }

    private void Exhaustive(List<int> pool, int next, ulong chosen, long bound, long[] suffix, bool itemsOnly, ref Choice best)
    {
        if (bound + suffix[next] < best.Total)
            return;
        if (next == pool.Count)
        {
            var total = itemsOnly ? _evaluator.ItemTotal(chosen) : _evaluator.Total(chosen);
            if (Better(chosen, total, best))
                best = new Choice(chosen, total);
            return;
        }
        var candidate = pool[next];
        if ((_conflicts[candidate] & chosen) == 0)
            Exhaustive(pool, next + 1, chosen | (1UL << candidate), bound + _candidates[candidate].Standalone, suffix, itemsOnly, ref best);
        Exhaustive(pool, next + 1, chosen, bound, suffix, itemsOnly, ref best);
    }

    private static bool Better(ulong mask, long total, Choice than)
    {
        if (total != than.Total)
            return total > than.Total;
        var count = System.Numerics.BitOperations.PopCount(mask);
        var thanCount = System.Numerics.BitOperations.PopCount(than.Mask);
        if (count != thanCount)
            return count < thanCount;
        var differ = mask ^ than.Mask;
        return differ != 0 && (mask & (differ & (~differ + 1))) != 0;
    }

    private ulong Bounded()
    {
        ulong items = 0;
        foreach (var group in ItemGroups())
            items |= BestOfGroup(group);

        var basket = new List<int>();
        var exclusiveBasket = new List<int>();
        for (var i = 0; i < _candidates.Length; i++)
        {
            if (!_candidates[i].IsBasketLevel)
                continue;
            (_candidates[i].Exclusive ? exclusiveBasket : basket).Add(i);
        }
        var best = new Choice(items, _evaluator.Total(items));
        if (basket.Count <= ExactBasketRules)
            Search(basket, itemsOnly: false, from: items, ref best);
        else
        {
            var withBasket = Greedy(basket, items);
            var total = _evaluator.Total(withBasket);
            if (Better(withBasket, total, best))
                best = new Choice(withBasket, total);
        }
        foreach (var alone in exclusiveBasket)
        {
            var mask = 1UL << alone;
            var total = _evaluator.Total(mask);
            if (Better(mask, total, best))
                best = new Choice(mask, total);
        }
        return best.Mask;
    }

    private ulong BestOfGroup(List<int> group)
    {
        if (group.Count > ExactGroup)
            return Greedy(group, 0);
        var best = new Choice(0, -1);
        Search(group, itemsOnly: true, from: 0, ref best);
        return best.Mask;
    }

    /// <summary>Adds candidates by what they take off alone (ties: tie-break order) while they conflict with nothing chosen.</summary>
    private ulong Greedy(List<int> pool, ulong chosen)
    {
        foreach (var i in pool.OrderByDescending(i => _candidates[i].Standalone).ThenBy(i => i))
        {
            if ((_conflicts[i] & chosen) == 0)
                chosen |= 1UL << i;
        }
        return chosen;
    }

    /// <summary>Item candidates split into groups connected by shared lines (union-find over lines).</summary>
    private List<List<int>> ItemGroups()
    {
        var parent = new Dictionary<int, int>();
        int Find(int line)
        {
            while (parent.TryGetValue(line, out var up) && up != line)
                line = up;
            return line;
        }
        foreach (var candidate in _candidates)
        {
            if (candidate.IsBasketLevel)
                continue;
            var root = Find(candidate.Touched[0]);
            parent.TryAdd(root, root);
            foreach (var line in candidate.Touched)
            {
                var other = Find(line);
                parent[other] = root;
            }
        }
        var groups = new Dictionary<int, List<int>>();
        for (var i = 0; i < _candidates.Length; i++)
        {
            if (_candidates[i].IsBasketLevel)
                continue;
            var root = Find(_candidates[i].Touched[0]);
            if (!groups.TryGetValue(root, out var group))
                groups[root] = group = [];
            group.Add(i);
        }
        return groups.Values.ToList();
    }
}
