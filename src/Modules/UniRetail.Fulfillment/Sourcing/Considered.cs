using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

/// <summary>A candidate as one rule sees it: its distance from the rule's reference point and, if it is ruled out, why.</summary>
internal sealed record Considered(SourcingCandidate Candidate, double DistanceKm, string? SkipReason)
{
    public LocationId Id => Candidate.Id;

    public string Code => Candidate.Code;

    public bool IsEligible => SkipReason is null;

    /// <summary>Nearest first, then by location code, so equal inputs always give the same decision.</summary>
    public static IReadOnlyList<Considered> InOrder(IEnumerable<Considered> considered) =>
        considered.OrderBy(c => c.DistanceKm).ThenBy(c => c.Code, StringComparer.Ordinal).ToList();

    public static RoutingExplanation Explain(
        string rule, string summary, IReadOnlyList<Considered> considered, IReadOnlyCollection<LocationId> chosen, Func<Considered, string> whyNotUsed) =>
        new(rule, summary, considered.Select(c => chosen.Contains(c.Id)
            ? new CandidateConsidered(c.Id.Value, c.Code, SkipReasons.RoundKm(c.DistanceKm), true, null)
            : new CandidateConsidered(c.Id.Value, c.Code, SkipReasons.RoundKm(c.DistanceKm), false, c.SkipReason ?? whyNotUsed(c))).ToList());

    /// <summary>The ruled-out candidates as one line for an error message, e.g. <c>CG01: closed; SH02: does not ship</c>.</summary>
    public static string Reasons(IEnumerable<Considered> considered, Func<Considered, string?> reason)
    {
        var lines = considered.Select(c => (c.Code, Reason: reason(c))).Where(c => c.Reason is not null).Select(c => $"{c.Code}: {c.Reason}").ToList();
        return lines.Count == 0 ? "there are no candidate locations" : string.Join("; ", lines);
    }
}
