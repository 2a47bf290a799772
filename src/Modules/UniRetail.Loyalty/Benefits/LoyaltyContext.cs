using Dapper;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Persistence;
using UniRetail.Members.Contracts;

namespace UniRetail.Loyalty.Benefits;

/// <summary>What every benefit operation checks first: the tenant's currency, the member, and a reference's shape.</summary>
internal sealed class LoyaltyContext(ITenantDirectory tenants, IMemberDirectory members)
{
    public const int MaxReference = 200;
    public const int MaxLines = 500;

    public async Task<Currency> CurrencyAsync(TenantId tenant, CancellationToken ct) =>
        (await tenants.FindAsync(tenant, ct))?.Currency ?? throw new InvalidOperationException($"Tenant {tenant} does not exist.");

    /// <summary>The member when active in the tenant; merged and erased members have no account to act on.</summary>
    public async Task<Result<MemberId>> MemberAsync(TenantId tenant, MemberId? member, string field, CancellationToken ct)
    {
        if (member is not { } id || string.IsNullOrWhiteSpace(id.Value))
            return LoyaltyErrors.Required(field);
        return await members.ExistsAsync(tenant, id, ct) ? id : LoyaltyErrors.UnknownMember(id, field);
    }

    /// <summary>
    /// The same check inside a write: an active loyalty account is proof enough (merges and erasures mark accounts in their
    /// own transactions), which spares repeat customers a read outside the writer; without an account the directory answers.
    /// </summary>
    public async Task<Result<MemberId>> MemberAsync(DbSession session, TenantId tenant, MemberId? member, string field, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (member is not { } id || string.IsNullOrWhiteSpace(id.Value))
            return LoyaltyErrors.Required(field);
        var status = await session.Connection.QuerySingleOrDefaultAsync<string?>(
            "SELECT status FROM loyalty_account WHERE tenant_id = @Tenant AND member_id = @Member", new { Tenant = tenant.Value, Member = id.Value }, session.Transaction);
        return status switch
        {
            "active" => id,
            null => await MemberAsync(tenant, member, field, ct),
            _ => LoyaltyErrors.UnknownMember(id, field),
        };
    }

    public static Result<string> Reference(string? reference, string field)
    {
        var trimmed = reference?.Trim();
        if (string.IsNullOrEmpty(trimmed))
            return LoyaltyErrors.Required(field);
        return trimmed.Length > MaxReference || trimmed.Any(char.IsControl) ? LoyaltyErrors.BadText(field, MaxReference) : trimmed;
    }

    public static Result<Money> SameCurrency(Money money, Currency currency, string field) =>
        money.Currency == currency ? money : LoyaltyErrors.CurrencyMismatch(currency.Code, field);
}

/// <summary>An account's balances as they are at a moment, with due releases and expiries applied on read (the sweeper may not have run yet).</summary>
internal sealed record EffectiveBalances(long Available, long Pending, IReadOnlyList<LotRow> Lots)
{
    public static EffectiveBalances Of(AccountRow? account, IReadOnlyList<LotRow> lots, DateTimeOffset now)
    {
        var nowMs = now.ToUnixTimeMilliseconds();
        var available = 0L;
        var pending = 0L;
        var open = new List<LotRow>(lots.Count);
        foreach (var lot in lots)
        {
            var released = lot.Status == Accounts.AccountBook.Released || lot.ReleaseAtMs <= nowMs;
            if (released && lot.ExpiresAtMs is { } expires && expires <= nowMs)
                continue;
            if (released)
                available += lot.Remaining;
            else
                pending += lot.Remaining;
            open.Add(lot);
        }
        return account is null ? new EffectiveBalances(0, 0, open) : new EffectiveBalances(available, pending, open);
    }
}
