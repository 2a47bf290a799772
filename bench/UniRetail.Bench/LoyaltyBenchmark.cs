using System.CommandLine;
using System.Globalization;
using Dapper;
using UniRetail.Data;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Check;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Programs;
using UniRetail.Members.Registration;
using UniRetail.Server;

namespace UniRetail.Bench;

/// <summary>What the loyalty benchmark measured on one engine.</summary>
internal sealed record LoyaltyReport(string Database, LoadResult Spread, LoadResult Hot, LoadResult Ceiling, long HotLeft, bool LedgerConsistent)
{
    public bool Passed => Spread.Succeeded == Spread.Calls && Hot.Succeeded == LoyaltyBenchmark.HotBalance / 100 && HotLeft == 0 && LedgerConsistent;
}

/// <summary>
/// Points redemptions through <see cref="ILoyaltyBenefits.RedeemAsync"/> (each its own write, as an order's would be) at 64
/// callers: spread over 1,000 members, and all on one member's balance (which must end at exactly 0 with no refusal but
/// <c>loyalty.points_above_balance</c>). The ceiling is the same number of one-statement writes of an account row through the
/// same writer in the same run: what any write costs here, benefits or not.
/// </summary>
internal static class LoyaltyBenchmark
{
    public const int Callers = 64;
    public const int Members = 1_000;
    public const long HotBalance = 100_000;

    public static async Task<LoyaltyReport> RunAsync(BenchDatabase database, int redemptions, Action<string> step, CancellationToken ct)
    {
        await using var host = await ModuleContainer.StartAsync(database.Options, ct);
        step($"{database.Name}: a tenant, a program and {Members:N0} members with points");
        var tenant = (await host.Get<CreateTenant>().HandleAsync("Bench Loyalty", "GBP", ct)).Value.TenantId;
        var admin = Caller.AdminOf(tenant);
        var program = new ProgramDocument("GBP", new EarnDocument(1m, null, null, 0, 0, 0), 0, 12, new RedemptionDocument(100, 1m, 100, 100), null, null);
        Must((await host.Get<ManageProgram>().SetAsync(admin, program, ct)).IsSuccess);
        var registered = await host.Get<RegisterMembers>().HandleAsync(admin, Enumerable.Range(0, Members).Select(_ => new RegisterMemberRequest(null, [])).ToList(), ct);
        var members = registered.Value.Registered.Select(r => r.Id).ToList();
        var accounts = host.Get<ManageAccount>();
        await LoadRun.RunAsync(members.Count - 1, Callers, i => accounts.AdjustAsync(admin, members[i + 1], new AdjustmentRequest(1_000_000, "bench", null), ct));
        Must((await accounts.AdjustAsync(admin, members[0], new AdjustmentRequest(HotBalance, "bench hot", null), ct)).IsSuccess);
        var hot = members[0];

        var benefits = host.Get<ILoyaltyBenefits>();
        var db = host.Get<Database>();
        Task<Result<BenefitRedemption>> Redeem(string reference, MemberId member) =>
            db.WriteAsync(s => benefits.RedeemAsync(s, tenant, reference, new LoyaltyBasket(member, Money.Of(50m, Currency.Gbp).Value, SalesChannel.Web, null, DateTimeOffset.UtcNow),
                new BenefitsToUse(100), ct), ct);

        step($"{database.Name}: warm-up");
        await LoadRun.RunAsync(500, Callers, i => Redeem($"warm-{i}", members[1 + (i % (Members - 1))]));
        step($"{database.Name}: ceiling, {redemptions:N0} one-statement writes at {Callers} callers");
        var ceiling = await LoadRun.RunAsync(redemptions, Callers, i => db.WriteAsync(async s =>
            Result<int>.Success(await s.Connection.ExecuteAsync("UPDATE loyalty_account SET updated_at_ms = updated_at_ms WHERE tenant_id = @T AND member_id = @M",
                new { T = tenant.Value, M = members[1 + (i % (Members - 1))].Value }, s.Transaction)), ct));
        step($"{database.Name}: {redemptions:N0} redemptions over {Members - 1:N0} members");
        var spread = await LoadRun.RunAsync(redemptions, Callers, i => Redeem($"spread-{i}", members[1 + (i % (Members - 1))]));
        var hotCalls = (int)(HotBalance / 100) + Callers * 4;
        step($"{database.Name}: {hotCalls:N0} redemptions of 100 points on one balance of {HotBalance:N0}");
        var hotRun = await LoadRun.RunAsync(hotCalls, Callers, i => Redeem($"hot-{i}", hot));
        var left = (await accounts.GetAsync(admin, hot, ct)).Value.PointsAvailable;
        var check = await host.Get<LoyaltyCheck>().VerifyAsync(admin, ct);
        return new LoyaltyReport(database.Name, spread, hotRun, ceiling, left, check.Consistent);
    }

    public static Command Create()
    {
        var postgres = new Option<string?>("--postgres") { Description = "PostgreSQL connection string (a fresh schema, dropped afterwards)" };
        var count = new Option<int>("--redemptions") { Description = "Redemptions (and ceiling writes) per run", DefaultValueFactory = _ => 5_000 };
        var command = new Command("loyalty", "Points redemptions at 64 callers, spread and on one hot balance, against a one-statement-write ceiling") { postgres, count };
        command.SetAction(async (result, ct) =>
        {
            var reports = await BenchDatabase.OnEachAsync(result.GetValue(postgres), db => RunAsync(db, result.GetValue(count), Console.WriteLine, ct), ct);
            foreach (var r in reports)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Database}: spread {r.Spread.PerSecond:N0}/s (p50 {r.Spread.P50Ms:F1} ms, p99 {r.Spread.P99Ms:F1} ms), ceiling {r.Ceiling.PerSecond:N0} writes/s, ratio {r.Spread.PerSecond / r.Ceiling.PerSecond:F2}; "
                    + $"hot balance {r.Hot.PerSecond:N0}/s, {r.Hot.Succeeded:N0} served, refused {string.Join(", ", r.Hot.Failures.Select(f => $"{f.Value} {f.Key}"))}, left {r.HotLeft}; "
                    + $"ledger {(r.LedgerConsistent ? "consistent" : "MISMATCH")}; {(r.Passed ? "pass" : "FAIL")}"));
            }
            Report.Command("loyalty", result.GetValue(postgres), "--redemptions", result.GetValue(count).ToString(CultureInfo.InvariantCulture));
            return reports.All(r => r.Passed) ? 0 : 1;
        });
        return command;
    }

    private static void Must(bool ok)
    {
        if (!ok)
            throw new InvalidOperationException("Setting up the loyalty benchmark failed.");
    }
}
