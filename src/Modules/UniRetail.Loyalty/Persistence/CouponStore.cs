using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Loyalty.Persistence;

internal sealed class CampaignRow
{
    public string CampaignId { get; init; } = "";
    public string Name { get; init; } = "";
    public string Kind { get; init; } = "";
    public string PromotionId { get; init; } = "";
    public string Currency { get; init; } = "";
    public long StartsAtMs { get; init; }
    public long EndsAtMs { get; init; }
    public long MinSpendMinor { get; init; }
    public string? Channels { get; init; }
    public string? StoreIds { get; init; }
    public long? TotalLimit { get; init; }
    public long? PerMemberLimit { get; init; }
    public long Used { get; init; }
    public long Issued { get; init; }
    public string? ExternalRef { get; init; }
    public long CreatedAtMs { get; init; }
}

/// <summary>A code with its campaign, and how often this member has used the campaign.</summary>
internal sealed class CouponRow
{
    public string Code { get; init; } = "";
    public string? MemberId { get; init; }
    public long? MaxUses { get; init; }
    public long CodeUsed { get; init; }
    public long MemberUses { get; init; }
    public CampaignRow Campaign { get; set; } = new();
}

internal sealed class CouponStore
{
    private const string CampaignColumns =
        """
        c.campaign_id AS CampaignId, c.name AS Name, c.kind AS Kind, c.promotion_id AS PromotionId, c.currency AS Currency,
        c.starts_at_ms AS StartsAtMs, c.ends_at_ms AS EndsAtMs, c.min_spend_minor AS MinSpendMinor, c.channels AS Channels,
        c.store_ids AS StoreIds, c.total_limit AS TotalLimit, c.per_member_limit AS PerMemberLimit, c.used AS Used, c.issued AS Issued,
        c.external_ref AS ExternalRef, c.created_at_ms AS CreatedAtMs
        """;

    public async Task<bool> TryInsertCampaignAsync(DbSession session, TenantId tenant, CampaignRow c) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_coupon_campaign (tenant_id, campaign_id, name, kind, promotion_id, currency, starts_at_ms, ends_at_ms, min_spend_minor,
                channels, store_ids, total_limit, per_member_limit, external_ref, created_at_ms)
            VALUES (@Tenant, @CampaignId, @Name, @Kind, @PromotionId, @Currency, @StartsAtMs, @EndsAtMs, @MinSpendMinor,
                @Channels, @StoreIds, @TotalLimit, @PerMemberLimit, @ExternalRef, @CreatedAtMs)
            ON CONFLICT DO NOTHING
            """,
            new
            {
                Tenant = tenant.Value, c.CampaignId, c.Name, c.Kind, c.PromotionId, c.Currency, c.StartsAtMs, c.EndsAtMs, c.MinSpendMinor,
                c.Channels, c.StoreIds, c.TotalLimit, c.PerMemberLimit, c.ExternalRef, c.CreatedAtMs,
            }, session.Transaction) == 1;

    public Task<CampaignRow?> FindCampaignAsync(DbConnection connection, TenantId tenant, string campaign, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<CampaignRow>(
            $"SELECT {CampaignColumns} FROM loyalty_coupon_campaign c WHERE c.tenant_id = @Tenant AND c.campaign_id = @Campaign",
            new { Tenant = tenant.Value, Campaign = campaign }, transaction);

    /// <summary>
    /// A page of the tenant's campaigns, newest first (creation time, then id), after <paramref name="page"/>'s position
    /// (<c>{createdAtMs}:{campaignId}</c>), read in the order of the <c>loyalty_coupon_campaign_created</c> index.
    /// </summary>
    public async Task<IReadOnlyList<CampaignRow>> ListCampaignsAsync(DbConnection connection, TenantId tenant, PageQuery page)
    {
        var colon = page.After?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        var (atMs, id) = colon > 0 && long.TryParse(page.After![..colon], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var ms)
            ? (ms, page.After[(colon + 1)..])
            : (long.MaxValue, "");
        return [.. await connection.QueryAsync<CampaignRow>(
            $"""
            SELECT {CampaignColumns} FROM loyalty_coupon_campaign c
            WHERE c.tenant_id = @Tenant AND (c.created_at_ms < @AtMs OR (c.created_at_ms = @AtMs AND c.campaign_id < @Id))
            ORDER BY c.created_at_ms DESC, c.campaign_id DESC
            LIMIT @Rows
            """, new { Tenant = tenant.Value, AtMs = atMs, Id = id, Rows = page.RowsToRead })];
    }

    /// <summary>A campaign's position in <see cref="ListCampaignsAsync"/>.</summary>
    public static string PositionOf(CampaignRow campaign) => $"{campaign.CreatedAtMs}:{campaign.CampaignId}";

    public Task<string?> CampaignByExternalAsync(DbConnection connection, TenantId tenant, string external, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT campaign_id FROM loyalty_coupon_campaign WHERE tenant_id = @Tenant AND external_ref = @External",
            new { Tenant = tenant.Value, External = external }, transaction);

    /// <summary>Adds a code; false when the tenant already has it.</summary>
    public async Task<bool> TryInsertCodeAsync(DbSession session, TenantId tenant, string code, string campaign, MemberId? member, long? maxUses, long atMs)
    {
        var inserted = await session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_coupon_code (tenant_id, code, campaign_id, member_id, max_uses, issued_at_ms)
            VALUES (@Tenant, @Code, @Campaign, @Member, @MaxUses, @At) ON CONFLICT (tenant_id, code) DO NOTHING
            """,
            new { Tenant = tenant.Value, Code = code, Campaign = campaign, Member = member?.Value, MaxUses = maxUses, At = atMs }, session.Transaction) == 1;
        if (inserted)
        {
            await session.Connection.ExecuteAsync(
                "UPDATE loyalty_coupon_campaign SET issued = issued + 1 WHERE tenant_id = @Tenant AND campaign_id = @Campaign",
                new { Tenant = tenant.Value, Campaign = campaign }, session.Transaction);
        }
        return inserted;
    }

    /// <summary>The code with its campaign and the member's uses of that campaign, or null.</summary>
    public async Task<CouponRow?> FindCodeAsync(DbConnection connection, TenantId tenant, string code, MemberId? member, DbTransaction? transaction = null)
    {
        var rows = await connection.QueryAsync<CouponRow, CampaignRow, CouponRow>(
            $"""
            SELECT k.code AS Code, k.member_id AS MemberId, k.max_uses AS MaxUses, k.used AS CodeUsed,
                   COALESCE((SELECT u.uses FROM loyalty_coupon_member_use u
                             WHERE u.tenant_id = k.tenant_id AND u.campaign_id = k.campaign_id AND u.member_id = @Member), 0) AS MemberUses,
                   {CampaignColumns}
            FROM loyalty_coupon_code k JOIN loyalty_coupon_campaign c ON c.tenant_id = k.tenant_id AND c.campaign_id = k.campaign_id
            WHERE k.tenant_id = @Tenant AND k.code = @Code
            """,
            (coupon, campaign) => { coupon.Campaign = campaign; return coupon; },
            new { Tenant = tenant.Value, Code = code, Member = member?.Value ?? "" }, transaction, splitOn: "CampaignId");
        return rows.SingleOrDefault();
    }

    /// <summary>
    /// Counts one use against the campaign's total, the code's own limit and the member's limit, each a guarded update;
    /// false at the first limit reached (the caller's write then rolls back whatever counted before it).
    /// </summary>
    public async Task<bool> CountUseAsync(DbSession session, TenantId tenant, CouponRow coupon, MemberId? member)
    {
        var c = session.Connection;
        var args = new { Tenant = tenant.Value, coupon.Code, coupon.Campaign.CampaignId, Member = member?.Value, Limit = coupon.Campaign.PerMemberLimit };
        if (await c.ExecuteAsync(
                """
                UPDATE loyalty_coupon_campaign SET used = used + 1
                WHERE tenant_id = @Tenant AND campaign_id = @CampaignId AND (total_limit IS NULL OR used < total_limit)
                """, args, session.Transaction) != 1)
            return false;
        if (await c.ExecuteAsync(
                "UPDATE loyalty_coupon_code SET used = used + 1 WHERE tenant_id = @Tenant AND code = @Code AND (max_uses IS NULL OR used < max_uses)",
                args, session.Transaction) != 1)
            return false;
        if (member is null || coupon.Campaign.PerMemberLimit is null)
            return true;
        return await c.ExecuteAsync(
            """
            INSERT INTO loyalty_coupon_member_use (tenant_id, campaign_id, member_id, uses) VALUES (@Tenant, @CampaignId, @Member, 1)
            ON CONFLICT (tenant_id, campaign_id, member_id) DO UPDATE SET uses = loyalty_coupon_member_use.uses + 1
            WHERE loyalty_coupon_member_use.uses < @Limit
            """, args, session.Transaction) == 1;
    }

    public async Task<bool> TryInsertUseAsync(DbSession session, TenantId tenant, string reference, CouponRow coupon, MemberId? member, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_coupon_use (tenant_id, reference, code, campaign_id, member_id, status, used_at_ms)
            VALUES (@Tenant, @Reference, @Code, @Campaign, @Member, 'used', @At) ON CONFLICT (tenant_id, reference, code) DO NOTHING
            """,
            new { Tenant = tenant.Value, Reference = reference, coupon.Code, Campaign = coupon.Campaign.CampaignId, Member = member?.Value, At = atMs },
            session.Transaction) == 1;

    /// <summary>The code a reference used (still counted), or null.</summary>
    public Task<UseRow?> UseOfAsync(DbConnection connection, TenantId tenant, string reference, DbTransaction? transaction) =>
        connection.QuerySingleOrDefaultAsync<UseRow?>(
            """
            SELECT u.code AS Code, u.campaign_id AS CampaignId, u.member_id AS MemberId, c.promotion_id AS PromotionId
            FROM loyalty_coupon_use u JOIN loyalty_coupon_campaign c ON c.tenant_id = u.tenant_id AND c.campaign_id = u.campaign_id
            WHERE u.tenant_id = @Tenant AND u.reference = @Reference AND u.status = 'used'
            """,
            new { Tenant = tenant.Value, Reference = reference }, transaction);

    /// <summary>Gives a reference's coupon use back to the code, the campaign and the member; false when it was not counted.</summary>
    public async Task<bool> RestoreAsync(DbSession session, TenantId tenant, string reference, UseRow use)
    {
        var c = session.Connection;
        var args = new { Tenant = tenant.Value, Reference = reference, use.Code, use.CampaignId, Member = use.MemberId };
        if (await c.ExecuteAsync(
                "UPDATE loyalty_coupon_use SET status = 'restored' WHERE tenant_id = @Tenant AND reference = @Reference AND code = @Code AND status = 'used'",
                args, session.Transaction) != 1)
            return false;
        await c.ExecuteAsync(
            """
            UPDATE loyalty_coupon_campaign SET used = used - 1 WHERE tenant_id = @Tenant AND campaign_id = @CampaignId;
            UPDATE loyalty_coupon_code SET used = used - 1 WHERE tenant_id = @Tenant AND code = @Code;
            UPDATE loyalty_coupon_member_use SET uses = uses - 1 WHERE tenant_id = @Tenant AND campaign_id = @CampaignId AND member_id = @Member AND uses > 0;
            """, args, session.Transaction);
        return true;
    }

    /// <summary>A merge: the source's codes and uses become the target's; per-campaign use counts are added together.</summary>
    public async Task ReassignAsync(DbSession session, TenantId tenant, MemberId from, MemberId to)
    {
        var args = new { Tenant = tenant.Value, From = from.Value, To = to.Value };
        await session.Connection.ExecuteAsync(
            """
            UPDATE loyalty_coupon_code SET member_id = @To WHERE tenant_id = @Tenant AND member_id = @From;
            UPDATE loyalty_coupon_use SET member_id = @To WHERE tenant_id = @Tenant AND member_id = @From;
            INSERT INTO loyalty_coupon_member_use (tenant_id, campaign_id, member_id, uses)
            SELECT tenant_id, campaign_id, @To, uses FROM loyalty_coupon_member_use WHERE tenant_id = @Tenant AND member_id = @From
            ON CONFLICT (tenant_id, campaign_id, member_id) DO UPDATE SET uses = loyalty_coupon_member_use.uses + excluded.uses;
            DELETE FROM loyalty_coupon_member_use WHERE tenant_id = @Tenant AND member_id = @From;
            """, args, session.Transaction);
    }

    public async Task<IReadOnlyList<(string Code, string CampaignId, long Used, long? MaxUses)>> CodesOfMemberAsync(DbConnection connection, TenantId tenant, MemberId member) =>
        (await connection.QueryAsync<(string, string, long, long?)>(
            "SELECT code, campaign_id, used, max_uses FROM loyalty_coupon_code WHERE tenant_id = @Tenant AND member_id = @Member ORDER BY issued_at_ms, code LIMIT 100",
            new { Tenant = tenant.Value, Member = member.Value })).AsList();
}

internal sealed record UseRow(string Code, string CampaignId, string? MemberId, string PromotionId);
