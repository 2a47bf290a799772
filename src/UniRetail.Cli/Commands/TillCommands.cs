using System.CommandLine;
using System.Globalization;
using UniRetail.Kernel;
using UniRetail.Server;
using UniRetail.Store.Tills;

namespace UniRetail.Cli.Commands;

/// <summary><c>uniretail till open|cash|report|close</c>: a till's session, through the same handlers as the API.</summary>
internal static class TillCommands
{
    public static Command Create()
    {
        var store = StoreArgument.Create();
        var till = new Argument<string>("till") { Description = "The till within the store (T1, front-2)" };
        var openingFloat = new Option<decimal>("--float") { Description = "The cash float put in the drawer, in the tenant's currency", Required = true };
        var open = new Command("open", "Open a till session with a cash float; prints the session (JSON)") { store, till, openingFloat, ImportCommands.Tenant };
        open.SetAction(async (result, ct) => await RunAsync(result, store, (host, caller, at) =>
            host.Get<TillSessions>().OpenAsync(caller, at, result.GetValue(till), new OpenTillRequest(new TillAmountRequest(result.GetValue(openingFloat), null)), "cli", ct), ct));

        var session = new Argument<string>("session") { Description = "The till session id (till_…)" };
        var kind = new Argument<string>("kind") { Description = "in (change brought to the drawer) or out (a safe drop)" };
        var amount = new Argument<decimal>("amount") { Description = "The amount, in the tenant's currency" };
        var reason = new Option<string?>("--reason") { Description = "Why the cash moved" };
        var cash = new Command("cash", "Put cash into or take it out of an open session's drawer") { store, session, kind, amount, reason, ImportCommands.Tenant };
        cash.SetAction(async (result, ct) => await RunAsync(result, store, (host, caller, at) =>
            host.Get<TillSessions>().MoveCashAsync(caller, at, result.GetValue(session)!,
                new CashMovementRequest(result.GetValue(kind), new TillAmountRequest(result.GetValue(amount), null), result.GetValue(reason), null), ct), ct));

        var sessionOrTill = new Argument<string>("session-or-till") { Description = "A session id (till_…): its X or Z report; a till: its open session's X report" };
        var report = new Command("report", "The running X report of an open session, or the Z report of a closed one") { store, sessionOrTill, ImportCommands.Tenant };
        report.SetAction(async (result, ct) => await RunAsync(result, store, (host, caller, at) =>
            result.GetValue(sessionOrTill)!.Trim() is var named && named.StartsWith("till_", StringComparison.Ordinal)
                ? host.Get<TillSessions>().GetAsync(caller, at, named, ct)
                : host.Get<TillSessions>().CurrentAsync(caller, at, named, ct), ct));

        var counted = new Option<decimal>("--counted") { Description = "The cash counted in the drawer", Required = true };
        var close = new Command("close", "Close a session with the counted cash and print its Z report (taken once)") { store, session, counted, ImportCommands.Tenant };
        close.SetAction(async (result, ct) => await RunAsync(result, store, (host, caller, at) =>
            host.Get<TillSessions>().CloseAsync(caller, at, result.GetValue(session)!, new CloseTillRequest(new TillAmountRequest(result.GetValue(counted), null)), "cli", ct), ct));

        return new Command("till", "Till sessions: open with a float, cash in and out, X and Z reports") { open, cash, report, close };
    }

    private static async Task<int> RunAsync<T>(ParseResult result, Argument<string> store, Func<ModuleContainer, Caller, LocationId, Task<Result<T>>> work, CancellationToken ct)
    {
        await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
        var at = await StoreArgument.ResolveAsync(host, result, store, ct);
        if (!at.IsSuccess)
            return CliOutput.Fail(at.Error);
        var done = await work(host, Caller.AdminOf(at.Value.Tenant), at.Value.Store);
        if (!done.IsSuccess)
            return CliOutput.Fail(done.Error);
        if (done.Value is TillSessionView view)
            Console.WriteLine(Text(view));
        else
            CliOutput.WriteJson(done.Value);
        return CliOutput.Ok;
    }

    /// <summary>A session as a till prints it: the header, then the report's lines.</summary>
    private static string Text(TillSessionView session)
    {
        var r = session.Report;
        string M(Web.MoneyView m) => m.Amount.ToString("N2", CultureInfo.InvariantCulture) + " " + m.Currency;
        var lines = new List<string>
        {
            $"{r.Kind} report  {session.Id}  till {session.TillId} at {session.StoreId}  {session.Status}",
            $"sales {r.Sales}  refunds {r.Refunds}  gross {M(r.GrossSales)}  discounts {M(r.Discounts)}  refunded {M(r.RefundsTotal)}  net {M(r.NetSales)}",
            $"points redeemed {r.PointsRedeemed}  earned {r.PointsEarned}",
        };
        lines.AddRange(r.Payments.Select(p => $"  {p.Type,-10} sales {M(p.Sales)}  refunds {M(p.Refunds)}  net {M(p.Net)}"));
        lines.Add($"float {M(r.Float)}  cash in {M(r.CashIn)}  cash out {M(r.CashOut)}  expected cash {M(r.ExpectedCash)}");
        if (r.CountedCash is { } countedCash)
            lines.Add($"counted {M(countedCash)}  over/short {M(r.OverShort!)}");
        return string.Join(Environment.NewLine, lines);
    }
}
