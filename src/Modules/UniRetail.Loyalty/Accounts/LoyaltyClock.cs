using Microsoft.Extensions.Logging;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Loyalty.Benefits;
using UniRetail.Loyalty.Persistence;

namespace UniRetail.Loyalty.Accounts;

/// <summary>
/// Time's work on accounts: pending lots released once their return window closes, lots expired at their end, tiers
/// re-evaluated when their period ends. Every write on an account does the same for that account first, and reads apply
/// it on the fly, so balances are right whether or not this has run.
/// </summary>
internal sealed class SettleDueAccounts(Database database, LoyaltyContext context, ProgramStore programs, LotStore lots, AccountStore accounts, AccountBook book, TimeProvider clock)
{
    public const int Batch = 200;

    /// <summary>Settles up to <see cref="Batch"/> due accounts, each in its own write; returns how many.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var nowMs = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var due = await database.ReadAsync(async c => (await lots.DueAsync(c, nowMs, Batch)).Concat(await accounts.TierDueAsync(c, nowMs, Batch)).Distinct().ToList(), ct);
        foreach (var (tenant, member) in due)
        {
            var tenantId = new TenantId(tenant);
            var currency = await context.CurrencyAsync(tenantId, ct);
            await database.WriteAsync<Unit>(async session =>
            {
                await book.OpenAsync(session, tenantId, new MemberId(member), currency, clock.GetUtcNow(), await programs.FindAsync(session, tenantId));
                return Unit.Value;
            }, ct);
        }
        return due.Count;
    }
}

/// <summary>Runs <see cref="SettleDueAccounts"/> every half minute in the server.</summary>
internal sealed class LoyaltyClockService(SettleDueAccounts settle, TimeProvider clock, ILogger<LoyaltyClockService> logger) : PeriodicWork(Interval, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override string Work => "Settled loyalty accounts (releases, expiries, tier periods)";

    protected override Task<int> RunOnceAsync(CancellationToken ct) => settle.RunOnceAsync(ct);
}
