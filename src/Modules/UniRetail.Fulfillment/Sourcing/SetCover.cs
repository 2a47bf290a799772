using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

/// <summary>
/// The fewest locations that together have every line, then the smallest total distance. Greedy (most remaining units
/// first, nearest on ties) gives a cover; an exhaustive search up to its size then finds a smaller or nearer one while
/// the number of combinations stays small, which is the common case of a handful of locations holding the SKUs.
/// </summary>
internal static class SetCover
{
    private const long SearchBudget = 20_000;

    /// <summary>The cover, or null when the eligible locations together lack some units; <paramref name="eligible"/> comes nearest first.</summary>
    public static IReadOnlyList<Considered>? Smallest(IReadOnlyList<Considered> eligible, IReadOnlyList<SkuDemand> demand)
    {
        var useful = eligible.Where(c => demand.Any(d => c.Candidate.AvailableOf(d.Sku) > 0)).ToList();
        var greedy = Greedy(useful, demand);
        return greedy is null ? null : Exhaustive(useful, demand, greedy.Count) ?? greedy;
    }

    /// <summary>Each line from the nearest location in the cover that has all of it; split (largest stock first) only when none has.</summary>
    public static IReadOnlyList<SourcingAllocation> Allocate(IReadOnlyList<Considered> cover, IReadOnlyList<SkuDemand> demand)
    {
        var nearestFirst = Considered.InOrder(cover);
        var allocations = new List<SourcingAllocation>();
        foreach (var line in demand)
        {
            var whole = nearestFirst.FirstOrDefault(c => c.Candidate.AvailableOf(line.Sku) >= line.Units);
            if (whole is not null)
            {
                allocations.Add(new SourcingAllocation(whole.Id, line.Sku, Quantity.FromStored(line.Units)));
                continue;
            }
            var left = line.Units;
            foreach (var source in nearestFirst.OrderByDescending(c => c.Candidate.AvailableOf(line.Sku)))
            {
                var take = Math.Min(left, source.Candidate.AvailableOf(line.Sku));
                if (take <= 0)
                    break;
                allocations.Add(new SourcingAllocation(source.Id, line.Sku, Quantity.FromStored(take)));
                left -= take;
            }
        }
        return allocations;
    }

    private static List<Considered>? Greedy(List<Considered> useful, IReadOnlyList<SkuDemand> demand)
    {
        var remaining = demand.ToDictionary(d => d.Sku, d => d.Units);
        var chosen = new List<Considered>();
        while (remaining.Values.Any(units => units > 0))
        {
            Considered? best = null;
            var bestUnits = 0;
            foreach (var candidate in useful.Where(c => !chosen.Contains(c)))
            {
                var units = remaining.Sum(r => Math.Min(r.Value, Units(candidate, r.Key)));
                if (units > bestUnits)
                    (best, bestUnits) = (candidate, units);
            }
            if (best is null)
                return null;
            chosen.Add(best);
            foreach (var sku in remaining.Keys.ToList())
                remaining[sku] -= Math.Min(remaining[sku], Units(best, sku));
        }
        return chosen;
    }

    private static List<Considered>? Exhaustive(List<Considered> useful, IReadOnlyList<SkuDemand> demand, int greedySize)
    {
        for (var size = 2; size <= greedySize; size++)
        {
            if (Combinations(useful.Count, size) > SearchBudget)
                return null;
            List<Considered>? best = null;
            var bestKm = double.MaxValue;
            foreach (var set in Subsets(useful, size))
            {
                var km = set.Sum(c => c.DistanceKm);
                // Strictly nearer only: subsets come nearest-first, so an equal total keeps the earlier one.
                if (km < bestKm - 1e-9 && Covers(set, demand))
                    (best, bestKm) = (set, km);
            }
            if (best is not null)
                return best;
        }
        return null;
    }

    private static bool Covers(List<Considered> set, IReadOnlyList<SkuDemand> demand) =>
        demand.All(line => set.Sum(c => Units(c, line.Sku)) >= line.Units);

    private static int Units(Considered candidate, Sku sku) => Math.Max(0, candidate.Candidate.AvailableOf(sku));

    private static IEnumerable<List<Considered>> Subsets(List<Considered> items, int size)
    {
        var indices = Enumerable.Range(0, size).ToArray();
        while (true)
        {
            yield return indices.Select(i => items[i]).ToList();
            var position = size - 1;
            while (position >= 0 && indices[position] == items.Count - size + position)
                position--;
            if (position < 0)
                yield break;
            indices[position]++;
            for (var next = position + 1; next < size; next++)
                indices[next] = indices[next - 1] + 1;
        }
    }

    private static long Combinations(int n, int k)
    {
        long result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
            if (result > SearchBudget)
                return result;
        }
        return result;
    }
}
