using UniRetail.Loyalty.Benefits;
using UniRetail.Loyalty.Persistence;
using UniRetail.Web;

namespace UniRetail.Loyalty.Coupons;

/// <summary>
/// A coupon campaign: the promotion it unlocks, its kind (<c>single_use</c> codes issued to members, or <c>shared</c> codes
/// listed here), validity window, minimum spend, channel and store scope, and limits.
/// </summary>
internal sealed record CampaignRequest(
    string? Name, string? PromotionId, string? Kind, DateTimeOffset? StartsAt, DateTimeOffset? EndsAt, AmountRequest? MinimumSpend,
    IReadOnlyList<string?>? Channels, IReadOnlyList<string?>? StoreIds, long? TotalLimit, long? PerMemberLimit, IReadOnlyList<string?>? Codes);

/// <summary>A code to issue: to a member (single-use campaigns; the code is generated unless given), or a further shared code.</summary>
internal sealed record IssueCodeRequest(string? MemberId, string? Code);

internal sealed record CampaignView(
    string Id, string Name, string Kind, string PromotionId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, MoneyView MinimumSpend,
    IReadOnlyList<string>? Channels, IReadOnlyList<string>? StoreIds, long? TotalLimit, long? PerMemberLimit, long Used, long Issued)
{
    public static CampaignView From(CampaignRow c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var currency = Kernel.Currency.FromStored(c.Currency);
        return new CampaignView(c.CampaignId, c.Name, c.Kind, c.PromotionId, DateTimeOffset.FromUnixTimeMilliseconds(c.StartsAtMs),
            DateTimeOffset.FromUnixTimeMilliseconds(c.EndsAtMs), MoneyView.From(Kernel.Money.FromMinor(c.MinSpendMinor, currency)),
            c.Channels?.Split(','), c.StoreIds?.Split(','), c.TotalLimit, c.PerMemberLimit, c.Used, c.Issued);
    }
}

internal sealed record IssuedCodeView(string Code, string CampaignId, string? MemberId);
