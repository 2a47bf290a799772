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
    private readonly int _lineCount;

    public Combinations(Candidate[] candidates, Evaluator evaluator, int lineCount)
    {
        _candidates = candidates;
        _evaluator = evaluator;
        _lineCount = lineCount;
        _conflicts = new ulong[candidates.Length];
        // Each footprint as a bit set of lines (a word per 64 lines), so two candidates overlap when a word of both is set.
        // What the rule reads of each candidate, read once: kind (bit 0 basket rule, bit 1 exclusive) and stacking group.
        var words = (lineCount + 63) / 64;
        var footprints = new ulong[candidates.Length * words];
        var kinds = new int[candidates.Length];
        var groups = new int[candidates.Length];
        for (var a = 0; a < candidates.Length; a++)
        {
            foreach (var line in candidates[a].Footprint)
                footprints[a * words + (line >> 6)] |= 1UL << line;
            kinds[a] = (candidates[a].IsBasketLevel ? BasketRule : 0) | (candidates[a].Exclusive ? Exclusive : 0);
            groups[a] = candidates[a].Ranked.Group;
        }
        if (words == 1)
        {
            ConflictsWithinOneWord(kinds, groups, footprints);
            return;
        }
        for (var a = 0; a < candidates.Length; a++)
        {
            var x = footprints.AsSpan(a * words, words);
            for (var b = a + 1; b < candidates.Length; b++)
            {
                if (!Conflict(kinds[a], groups[a], x, kinds[b], groups[b], footprints.AsSpan(b * words, words)))
                    continue;
                _conflicts[a] |= 1UL << b;
                _conflicts[b] |= 1UL << a;
            }
        }
    }

    /// <summary><see cref="Conflict"/> for every pair when the basket has at most 64 lines (every real one): one word a footprint.</summary>
    private void ConflictsWithinOneWord(int[] kinds, int[] groups, ulong[] footprints)
    {
        for (var a = 0; a < kinds.Length; a++)
        {
            int aKind = kinds[a], aGroup = groups[a];
            var aLines = footprints[a];
            var conflicts = _conflicts[a];
            for (var b = a + 1; b < kinds.Length; b++)
            {
                var both = aKind | kinds[b];
                var conflict = aKind == (BasketRule | Exclusive) || kinds[b] == (BasketRule | Exclusive)
                    || ((aGroup == groups[b] || ((both & BasketRule) == 0 && (both & Exclusive) != 0)) && (aLines & footprints[b]) != 0);
                if (!conflict)
                    continue;
                conflicts |= 1UL << b;
                _conflicts[b] |= 1UL << a;
            }
            _conflicts[a] = conflicts;
        }
    }

    private const int BasketRule = 1;
    private const int Exclusive = 2;

    public ulong ConflictsOf(int candidate) => _conflicts[candidate];

    /// <summary>
    /// Two candidates cannot both apply when one is an exclusive basket rule, or they share a line and are in the same
    /// stacking group, or share a line as item rules one of which is exclusive.
    /// </summary>
    private static bool Conflict(int aKind, int aGroup, ReadOnlySpan<ulong> aLines, int bKind, int bGroup, ReadOnlySpan<ulong> bLines)
    {
        if (aKind == (BasketRule | Exclusive) || bKind == (BasketRule | Exclusive))
            return true;
        var sameGroup = aGroup == bGroup;
        var exclusiveItems = ((aKind | bKind) & BasketRule) == 0 && ((aKind | bKind) & Exclusive) != 0;
        if (!sameGroup && !exclusiveItems)
            return false;
        for (var w = 0; w < aLines.Length; w++)
        {
            if ((aLines[w] & bLines[w]) != 0)
                return true;
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
        foreach (var group in ItemGroups(_lineCount))
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
        // Insertion sort, larger first; the pool is in candidate order and the sort is stable, so ties stay in it.
        var order = new int[pool.Count];
        for (var k = 0; k < order.Length; k++)
        {
            var value = _candidates[pool[k]].Standalone;
            var at = k;
            for (; at > 0 && _candidates[order[at - 1]].Standalone < value; at--)
                order[at] = order[at - 1];
            order[at] = pool[k];
        }
        foreach (var i in order)
        {
            if ((_conflicts[i] & chosen) == 0)
                chosen |= 1UL << i;
        }
        return chosen;
    }

    /// <summary>
    /// Item candidates split into groups connected by shared lines (union-find over lines), each group in candidate order,
    /// the groups in the order of their first candidate.
    /// </summary>
    private List<List<int>> ItemGroups(int lineCount)
    {
        var parent = new int[lineCount];
        for (var line = 0; line < lineCount; line++)
            parent[line] = line;
        int Find(int line)
        {
            while (parent[line] != line)
                line = parent[line];
            return line;
        }
        foreach (var candidate in _candidates)
        {
            if (candidate.IsBasketLevel)
                continue;
            var root = Find(candidate.Touched[0]);
            foreach (var line in candidate.Touched)
                parent[Find(line)] = root;
        }
        var groups = new List<List<int>>();
        var groupOf = new int[lineCount];
        for (var i = 0; i < _candidates.Length; i++)
        {
            if (_candidates[i].IsBasketLevel)
                continue;
            var root = Find(_candidates[i].Touched[0]);
            if (groupOf[root] == 0)
            {
                groups.Add([]);
                groupOf[root] = groups.Count;
            }
            groups[groupOf[root] - 1].Add(i);
        }
        return groups;
    }
}
