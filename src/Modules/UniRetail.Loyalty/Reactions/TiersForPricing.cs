using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Promotions.Contracts;

namespace UniRetail.Loyalty.Reactions;

/// <summary>Tier prices in the promotions engine come from the member's loyalty tier: Loyalty answers the pricing port.</summary>
internal sealed class TiersForPricing(ILoyaltyTiers tiers) : IMemberTierLookup
{
    public Task<string?> TierOfAsync(TenantId tenant, MemberId member, CancellationToken ct) => tiers.TierOfAsync(tenant, member, ct);
}
