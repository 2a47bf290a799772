using System.Security.Cryptography;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Loyalty.Benefits;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Persistence;

namespace UniRetail.Loyalty.Coupons;

/// <summary>Creates coupon campaigns and issues their codes (by API, by the welcome rule, by import).</summary>
internal sealed class ManageCoupons(Database database, LoyaltyContext context, CouponStore coupons, ILocationDirectory locations, TimeProvider clock)
{
    public const int MaxScope = 100;
    public const int MaxCodes = 100;
    private const string Alphabet = "ABCDEFGHJKMNPQRSTVWXYZ23456789";

    public async Task<Result<CampaignView>> CreateAsync(Caller caller, CampaignRequest request, string? externalRef, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var campaign = await ValidateAsync(caller, request, externalRef, ct);
        if (!campaign.IsSuccess)
            return campaign.Error;
        var codes = new List<string>();
        for (var i = 0; i < (request.Codes?.Count ?? 0); i++)
        {
            var code = CouponRules.Normalise(request.Codes![i]);
            if (code is null)
                return LoyaltyErrors.BadText($"codes[{i}]", CouponRules.MaxCodeLength);
            if (codes.Contains(code, StringComparer.Ordinal))
                return LoyaltyErrors.Duplicate($"Code '{code}'", $"codes[{i}]");
            codes.Add(code);
        }
        if (codes.Count > MaxCodes)
            return LoyaltyErrors.TooMany("codes", MaxCodes, "codes");
        if (codes.Count > 0 && campaign.Value.Kind != CampaignKinds.Shared)
            return LoyaltyErrors.WrongCampaignKind("Codes listed with the campaign are shared codes; a single_use campaign issues codes to members.", "codes");
        return await database.WriteAsync<CampaignView>(async session =>
        {
            if (!await coupons.TryInsertCampaignAsync(session, caller.Tenant, campaign.Value))
                return LoyaltyErrors.Duplicate($"Campaign '{externalRef}'", "externalRef");
            for (var i = 0; i < codes.Count; i++)
            {
                if (!await coupons.TryInsertCodeAsync(session, caller.Tenant, codes[i], campaign.Value.CampaignId, null, null, campaign.Value.CreatedAtMs))
                    return LoyaltyErrors.CodeTaken($"codes[{i}]");
            }
            return CampaignView.From((await coupons.FindCampaignAsync(session.Connection, caller.Tenant, campaign.Value.CampaignId, session.Transaction))!);
        }, ct);
    }

    public async Task<Result<CampaignView>> GetAsync(Caller caller, string id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var row = await database.ReadAsync(c => coupons.FindCampaignAsync(c, caller.Tenant, id), ct);
        return row is null ? LoyaltyErrors.UnknownCampaign(id, "id") : CampaignView.From(row);
    }

    /// <summary>A page of the tenant's campaigns, newest first.</summary>
    public async Task<Slice<CampaignView>> ListAsync(Caller caller, PageQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rows = await database.ReadAsync(c => coupons.ListCampaignsAsync(c, caller.Tenant, page), ct);
        return Slice<CampaignRow>.Of(rows, page, CouponStore.PositionOf).Map(CampaignView.From);
    }

    public async Task<Result<IssuedCodeView>> IssueAsync(Caller caller, string campaignId, IssueCodeRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var given = request.Code is null ? null : CouponRules.Normalise(request.Code);
        if (request.Code is not null && given is null)
            return LoyaltyErrors.BadText("code", CouponRules.MaxCodeLength);
        MemberId? member = null;
        if (!string.IsNullOrWhiteSpace(request.MemberId))
        {
            var known = await context.MemberAsync(caller.Tenant, new MemberId(request.MemberId.Trim()), "memberId", ct);
            if (!known.IsSuccess)
                return known.Error;
            member = known.Value;
        }
        return await database.WriteAsync(session => IssueAsync(session, caller.Tenant, campaignId, member, given), ct);
    }

    /// <summary>Issues a code inside the caller's write: to a member for a single-use campaign, or a shared code.</summary>
    public async Task<Result<IssuedCodeView>> IssueAsync(DbSession session, TenantId tenant, string campaignId, MemberId? member, string? code)
    {
        ArgumentNullException.ThrowIfNull(session);
        var campaign = await coupons.FindCampaignAsync(session.Connection, tenant, campaignId, session.Transaction);
        if (campaign is null)
            return LoyaltyErrors.UnknownCampaign(campaignId, "id");
        var singleUse = campaign.Kind == CampaignKinds.SingleUse;
        if (singleUse && member is null)
            return LoyaltyErrors.Required("memberId");
        if (!singleUse && (member is not null || code is null))
            return LoyaltyErrors.WrongCampaignKind("A shared campaign's codes belong to nobody: give a code and no memberId.", member is null ? "code" : "memberId");
        var atMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var issued = code ?? Generate();
        if (!await coupons.TryInsertCodeAsync(session, tenant, issued, campaign.CampaignId, member, singleUse ? 1 : null, atMs))
            return LoyaltyErrors.CodeTaken("code");
        return new IssuedCodeView(issued, campaign.CampaignId, member?.Value);
    }

    /// <summary>A 12-character code from an alphabet without look-alikes (no I, L, O, U, 0, 1): about 59 bits, never guessed.</summary>
    private static string Generate() => RandomNumberGenerator.GetString(Alphabet, 12);

    private async Task<Result<CampaignRow>> ValidateAsync(Caller caller, CampaignRequest r, string? externalRef, CancellationToken ct)
    {
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200 || name.Any(char.IsControl))
            return LoyaltyErrors.BadText("name", 200);
        var promotion = r.PromotionId?.Trim();
        if (string.IsNullOrEmpty(promotion) || promotion.Length > 200 || promotion.Any(char.IsControl))
            return LoyaltyErrors.BadText("promotionId", 200);
        var kind = r.Kind?.Trim().ToLowerInvariant();
        if (kind is not (CampaignKinds.SingleUse or CampaignKinds.Shared))
            return LoyaltyErrors.BadProgram("kind", $"'{r.Kind}' is not a campaign kind (single_use, shared).");
        if (r.StartsAt is not { } starts)
            return LoyaltyErrors.Required("startsAt");
        if (r.EndsAt is not { } ends)
            return LoyaltyErrors.Required("endsAt");
        if (ends <= starts)
            return LoyaltyErrors.OutOfRange("endsAt", "comes after startsAt");
        var currency = await context.CurrencyAsync(caller.Tenant, ct);
        var minimum = r.MinimumSpend is null ? Money.Zero(currency) : AmountRequest.Parse(r.MinimumSpend, currency, "minimumSpend") is { IsSuccess: true } m ? m.Value : (Money?)null;
        if (minimum is null)
            return AmountRequest.Parse(r.MinimumSpend, currency, "minimumSpend").Error!;
        var channels = new List<string>();
        for (var i = 0; i < (r.Channels?.Count ?? 0); i++)
        {
            var channel = SalesChannels.Parse(r.Channels![i], $"channels[{i}]");
            if (!channel.IsSuccess)
                return channel.Error;
            channels.Add(SalesChannels.ToName(channel.Value));
        }
        if ((r.StoreIds?.Count ?? 0) > MaxScope)
            return LoyaltyErrors.TooMany("stores", MaxScope, "storeIds");
        var stores = new List<string>();
        for (var i = 0; i < (r.StoreIds?.Count ?? 0); i++)
        {
            var id = r.StoreIds![i]?.Trim() ?? "";
            if (await locations.FindAsync(caller.Tenant, new LocationId(id), ct) is not { Kind: not LocationKind.Warehouse })
                return LoyaltyErrors.UnknownStore(id, $"storeIds[{i}]");
            stores.Add(id);
        }
        if (r.TotalLimit is < 1 or > 1_000_000_000)
            return LoyaltyErrors.OutOfRange("totalLimit", "is null (no limit) or 1 to 1,000,000,000");
        if (r.PerMemberLimit is < 1 or > 1_000_000)
            return LoyaltyErrors.OutOfRange("perMemberLimit", "is null (no limit) or 1 to 1,000,000");
        return new CampaignRow
        {
            CampaignId = NewId.With("cmp"), Name = name, Kind = kind, PromotionId = promotion, Currency = currency.Code,
            StartsAtMs = starts.ToUnixTimeMilliseconds(), EndsAtMs = ends.ToUnixTimeMilliseconds(), MinSpendMinor = minimum.Value.MinorUnits,
            Channels = channels.Count == 0 ? null : string.Join(',', channels.Distinct()), StoreIds = stores.Count == 0 ? null : string.Join(',', stores.Distinct()),
            TotalLimit = r.TotalLimit, PerMemberLimit = r.PerMemberLimit, ExternalRef = externalRef, CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds(),
        };
    }
}
