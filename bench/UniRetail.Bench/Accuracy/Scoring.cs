namespace UniRetail.Bench.Accuracy;

/// <summary>Pairwise precision and recall over one group's records, and the profiles and people that went wrong.</summary>
internal sealed record GroupScore(string Group, int Shoppers, int Records, long TruePairs, long PredictedPairs, long CorrectPairs, int OverMergedProfiles, int SplitShoppers)
{
    public double Precision => PredictedPairs == 0 ? 1 : (double)CorrectPairs / PredictedPairs;
    public double Recall => TruePairs == 0 ? 1 : (double)CorrectPairs / TruePairs;
}

/// <summary>
/// Scores a read-back against the labels. The records are every shopper's own identifiers; two records are a true pair
/// when one shopper owns both, a predicted pair when one profile holds both. A record no profile holds is a cluster of its
/// own (the identifier was dropped). A group's pairs are those with at least one record of a shopper in the group, so an
/// ordinary shopper merged into a household counts against the household too.
/// </summary>
internal static class Scoring
{
    public static List<GroupScore> Score(IReadOnlyList<Shopper> shoppers, IReadOnlyDictionary<(string Type, string Value), string?> profileOf)
    {
        var cells = new Dictionary<(string Cluster, Shopper Owner), int>();
        var clusters = new Dictionary<string, Dictionary<Shopper, int>>(StringComparer.Ordinal);
        foreach (var s in shoppers)
        {
            foreach (var record in s.Records)
            {
                var cluster = profileOf.GetValueOrDefault(record) ?? $"dropped:{record.Type}:{record.Value}";
                cells[(cluster, s)] = cells.GetValueOrDefault((cluster, s)) + 1;
                if (!clusters.TryGetValue(cluster, out var owners))
                    clusters[cluster] = owners = [];
                owners[s] = owners.GetValueOrDefault(s) + 1;
            }
        }
        var spread = cells.Keys.GroupBy(k => k.Owner).ToDictionary(g => g.Key, g => g.Count());
        var scores = new List<GroupScore> { ScoreOf("all shoppers", _ => true, shoppers, cells, clusters, spread) };
        foreach (var hardCase in Enum.GetValues<HardCase>())
        {
            if (shoppers.Any(s => s.Case == hardCase))
                scores.Add(ScoreOf(HardCases.Describe(hardCase), s => s.Case == hardCase, shoppers, cells, clusters, spread));
        }
        return scores;
    }

    private static GroupScore ScoreOf(
        string name, Func<Shopper, bool> inGroup, IReadOnlyList<Shopper> shoppers,
        Dictionary<(string Cluster, Shopper Owner), int> cells, Dictionary<string, Dictionary<Shopper, int>> clusters, Dictionary<Shopper, int> spread)
    {
        var members = shoppers.Where(inGroup).ToList();
        long truePairs = members.Sum(s => Pairs(s.Records.Count));
        long correct = cells.Where(c => inGroup(c.Key.Owner)).Sum(c => Pairs(c.Value));
        long predicted = 0;
        var overMerged = 0;
        foreach (var owners in clusters.Values)
        {
            var all = owners.Values.Sum();
            var ofGroup = owners.Where(o => inGroup(o.Key)).Sum(o => o.Value);
            predicted += Pairs(all) - Pairs(all - ofGroup);
            if (ofGroup > 0 && owners.Count > 1)
                overMerged++;
        }
        var split = members.Count(s => spread.GetValueOrDefault(s) > 1);
        return new GroupScore(name, members.Count, members.Sum(s => s.Records.Count), truePairs, predicted, correct, overMerged, split);
    }

    private static long Pairs(long n) => n * (n - 1) / 2;
}
