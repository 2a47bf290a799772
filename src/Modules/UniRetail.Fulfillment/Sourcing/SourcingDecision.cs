using System.Text.Json;
using System.Text.Json.Serialization;
using UniRetail.Fulfillment.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Sourcing;

internal sealed record SourcingDecision(IReadOnlyList<SourcingAllocation> Allocations, RoutingExplanation Explanation)
{
    public IReadOnlyList<LocationId> Locations => Allocations.Select(a => a.Location).Distinct().ToList();

    /// <summary>A location that supplies no stock but whose daily capacity the order takes too: the pickup point its parcel goes to.</summary>
    public LocationId? PickupPoint { get; init; }

    /// <summary>Every location whose daily capacity the order counts against.</summary>
    public IReadOnlyList<LocationId> Counted => PickupPoint is { } point ? [.. Locations.Append(point).Distinct()] : Locations;
}

/// <summary>Why the order went where it went; stored with the order as JSON.</summary>
internal sealed record RoutingExplanation(string Rule, string Summary, IReadOnlyList<CandidateConsidered> Candidates)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);
}

/// <summary>One location the policy looked at: its distance (km, to 0.1), whether it was chosen and, if not, why not.</summary>
internal sealed record CandidateConsidered(string LocationId, string Code, double DistanceKm, bool Chosen, string? WhyNot);
