using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Coupons;
using UniRetail.Loyalty.Persistence;
using UniRetail.Members.Contracts;
using UniRetail.Members.Registration;

namespace UniRetail.Cli.CompleteJourney;

/// <summary>What an import of the Complete Journey coupons did.</summary>
internal sealed record CouponImportSummary(
    int Campaigns, int CampaignsCreated, int Codes, int CodesCreated, int Households, int MembersCreated, int Redemptions, int Redeemed, int Replayed,
    IReadOnlyDictionary<string, int> Refused);

/// <summary>
/// Imports the real coupons and redemptions of The Complete Journey into a tenant: each household becomes a member (external
/// id <c>completejourney:&lt;household&gt;</c>), each campaign a shared coupon campaign (valid from its start day to the end of its end
/// day, UTC) unlocking promotion <c>completejourney-&lt;campaign&gt;</c>, each coupon a code <c>CJ&lt;campaign&gt;-&lt;upc&gt;</c>, and each
/// redemption a use of that code by the household at noon of its day, through the same contract the order flow calls, so the
/// campaign's limits and windows apply. Running it again adds nothing (campaigns by their external reference, codes by value,
/// redemptions by reference).
/// </summary>
internal sealed class CompleteJourneyImport(
    Database database, RegisterMembers register, IMemberDirectory members, ManageCoupons coupons, CouponStore couponStore, ILoyaltyBenefits benefits,
    Identity.Contracts.ITenantDirectory tenants)
{
    private const int MembersPerWrite = 1_000;
    private const int RedemptionsInFlight = 16;

    public static string ExternalId(string household) => $"completejourney:{household}";

    public static string Code(string campaign, string upc) => $"CJ{campaign}-{upc}";

    public async Task<CouponImportSummary> RunAsync(TenantId tenant, CompleteJourneyFiles files, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(files);
        var caller = Caller.AdminOf(tenant);
        var (ids, created) = await MembersAsync(caller, files, ct);
        var campaignIds = new Dictionary<string, string>(StringComparer.Ordinal);
        var campaignsCreated = 0;
        foreach (var campaign in files.Campaigns)
        {
            var external = $"completejourney:{campaign.Id}";
            var existing = await database.ReadAsync(c => couponStore.CampaignByExternalAsync(c, tenant, external), ct);
            if (existing is null)
            {
                var made = await coupons.CreateAsync(caller, new CampaignRequest(
                    $"Complete Journey campaign {campaign.Id} ({campaign.Type})", $"completejourney-{campaign.Id}", CampaignKinds.Shared,
                    new DateTimeOffset(campaign.Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    new DateTimeOffset(campaign.End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
                    null, null, null, null, null, null), external, ct);
                existing = made.IsSuccess ? made.Value.Id : throw new InvalidDataException($"Campaign {campaign.Id}: {made.Error.Message}");
                campaignsCreated++;
            }
            campaignIds[campaign.Id] = existing;
        }
        var codesCreated = (await database.WriteAsync<int>(async session =>
        {
            var added = 0;
            foreach (var coupon in files.Coupons.Where(c => campaignIds.ContainsKey(c.CampaignId)))
            {
                if ((await coupons.IssueAsync(session, tenant, campaignIds[coupon.CampaignId], null, Code(coupon.CampaignId, coupon.Upc))).IsSuccess)
                    added++;
            }
            return added;
        }, ct)).Value;

        var currency = (await tenants.FindAsync(tenant, ct))!.Currency;
        var outcomes = new System.Collections.Concurrent.ConcurrentBag<Result<BenefitRedemption>>();
        await Parallel.ForEachAsync(files.Redemptions, new ParallelOptions { MaxDegreeOfParallelism = RedemptionsInFlight, CancellationToken = ct }, async (r, token) =>
        {
            var basket = new LoyaltyBasket(ids[r.Household], Money.Zero(currency), SalesChannel.Pos, null,
                new DateTimeOffset(r.Date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
            var reference = $"completejourney:{r.Household}:{r.CampaignId}:{r.Upc}:{r.Date:yyyy-MM-dd}";
            outcomes.Add(await database.WriteAsync(session =>
                benefits.RedeemAsync(session, tenant, reference, basket, new BenefitsToUse(Coupon: Code(r.CampaignId, r.Upc)), token), token));
        });
        var refused = outcomes.Where(o => !o.IsSuccess).GroupBy(o => o.Error!.Code).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return new CouponImportSummary(files.Campaigns.Count, campaignsCreated, files.Coupons.Count, codesCreated, ids.Count, created, files.Redemptions.Count,
            outcomes.Count(o => o.IsSuccess && !o.Value.Replayed), outcomes.Count(o => o.IsSuccess && o.Value.Replayed), refused);
    }

    /// <summary>The member of every household that received a campaign or redeemed a coupon: found by its external id, or registered.</summary>
    private async Task<(Dictionary<string, MemberId> Ids, int Created)> MembersAsync(Caller caller, CompleteJourneyFiles files, CancellationToken ct)
    {
        var households = files.Received.Select(r => r.Household).Concat(files.Redemptions.Select(r => r.Household)).Distinct(StringComparer.Ordinal).ToList();
        var ids = new Dictionary<string, MemberId>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var household in households)
        {
            if (await members.FindByIdentifierAsync(caller.Tenant, IdentifierKind.External, ExternalId(household), ct) is { } found)
                ids[household] = found;
            else
                missing.Add(household);
        }
        foreach (var chunk in missing.Chunk(MembersPerWrite))
        {
            var outcome = await register.HandleAsync(caller, chunk.Select(h => new RegisterMemberRequest(null, [new IdentifierRequest("external", ExternalId(h))])).ToList(), ct);
            if (!outcome.IsSuccess)
                throw new InvalidDataException(outcome.Error.Message);
            foreach (var registered in outcome.Value.Registered)
                ids[chunk[registered.Index]] = registered.Id;
            if (outcome.Value.Rejected.Count > 0)
                throw new InvalidDataException($"Household {chunk[outcome.Value.Rejected[0].Index]}: {outcome.Value.Rejected[0].Error.Message}");
        }
        return (ids, missing.Count);
    }
}
