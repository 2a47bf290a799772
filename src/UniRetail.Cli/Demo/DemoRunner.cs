using System.Globalization;
using UniRetail.Cli.Commands;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Server;
using Spectre.Console;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Loyalty.Check;
using UniRetail.Inventory.Queries;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Projection;
using UniRetail.Orders.Queries;

namespace UniRetail.Cli.Demo;

/// <summary>Runs the demo end to end and prints what the day did.</summary>
internal sealed class DemoRunner(ModuleContainer host, DemoClock clock, DemoSettings settings)
{
    /// <summary>The retailer the run created (null before it has).</summary>
    public DemoSetup? Setup { get; private set; }

    public async Task<int> RunAsync(CancellationToken ct)
    {
        // Redirected output defaults to 80 columns, too narrow for the tables.
        if (Console.IsOutputRedirected)
            AnsiConsole.Profile.Width = 120;
        AnsiConsole.MarkupLine($"[bold]UniRetail demo[/] on {host.Get<Data.Database>().Provider}");
        var setup = await DemoRetailer.SetUpAsync(host, settings, s => AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(s)}[/]"), ct);
        Setup = setup;
        AnsiConsole.MarkupLine($"  retailer [bold]{Markup.Escape(setup.TenantName)}[/] ({setup.Retailer.Tenant}): 1 DC, {setup.Stores.Count} stores, " +
            $"{setup.Products.Count} products ({setup.CatalogSource}), {setup.Members.Count} members");

        TradingDayOutcome? outcome = null;
        var tills = new DemoTills(host, setup.Retailer, setup.Products);
        await tills.OpenAsync(setup.Stores.Select(s => s.Id), ct);
        var bags = new DemoBags(host, setup, tills);
        var day = new TradingDay(host, setup.Retailer, clock, DemoRetailer.Closing, tills, bags);
        await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Trading day 08:00-22:00", maxValue: settings.Shoppers);
                outcome = await day.RunAsync(settings.Shoppers, settings.Workers,
                    worker => new DemoShopper(new Random(2011 + worker), setup.Products, setup.Stores.Select(s => (s.Id, s.Latitude, s.Longitude)).ToList(),
                        setup.Assortments, setup.Members, setup.MembersWithPoints),
                    setup.Stores.Select(s => s.Id).ToList(), () => task.Increment(1), ct);
            });
        var closed = await tills.CloseAsync(ct);
        var verdict = await ReportAsync(setup, outcome!, ct);
        PrintBags(setup, bags);
        return PrintTills(setup, closed, tills.MemberCodeCheckouts) ? verdict : CliOutput.Failed;
    }

    /// <summary>Each store's scan-to-bag day: bags started by member code, scans, complements shown and taken, reminders, checked out at the till or not.</summary>
    private static void PrintBags(DemoSetup setup, DemoBags bags)
    {
        var table = new Table().Title("Scan-to-bag per store (bags checked out at till T1 are in its Z report)")
            .AddColumns("store", "bags", "scans", "complements shown", "taken", "reminders", "checked out", "refused at till", "abandoned", "sold");
        foreach (var day in bags.Days())
            table.AddRow(setup.CodesById.GetValueOrDefault(day.StoreId, day.StoreId), $"{day.Started}", $"{day.Scans}", $"{day.ComplementsShown}",
                $"{day.ComplementsTaken}", $"{day.Reminders}", $"{day.CheckedOut}", $"{day.TillRefused}", $"{day.Abandoned}", $"{day.Sold:0.00}");
        if (bags.Refused.Count > 0)
            table.Caption(Markup.Escape("refused: " + string.Join(", ", bags.Refused.OrderByDescending(r => r.Value).Select(r => $"{r.Key} {r.Value}"))));
        AnsiConsole.Write(table);
    }

    /// <summary>Each store's till day from its Z report; false when a till did not close.</summary>
    private static bool PrintTills(DemoSetup setup, IReadOnlyList<StoreTillDay> days, int memberCodes)
    {
        var table = new Table().Title($"Tills: Z reports per store ({memberCodes} checkouts by member code)")
            .AddColumns("store", "sales", "refunds", "gross", "discounts", "net", "card", "cash", "wallet", "points £", "points earned", "drawer");
        foreach (var day in days)
        {
            var z = day.Report;
            string Paid(string type) => z.Payments.FirstOrDefault(p => p.Type == type)?.Net.Amount.ToString("0.00", CultureInfo.InvariantCulture) ?? "0.00";
            table.AddRow(setup.CodesById.GetValueOrDefault(day.StoreId, day.StoreId), $"{z.Sales}", $"{z.Refunds}", $"{z.GrossSales.Amount:0.00}", $"{z.Discounts.Amount:0.00}",
                $"{z.NetSales.Amount:0.00}", Paid("card"), Paid("cash"), Paid("wallet"), Paid("points"), $"{z.PointsEarned}", $"{z.ExpectedCash.Amount:0.00}");
        }
        AnsiConsole.Write(table);
        return days.Count == setup.Stores.Count;
    }

    private async Task<int> ReportAsync(DemoSetup setup, TradingDayOutcome outcome, CancellationToken ct)
    {
        var tenant = setup.Retailer.Tenant;
        var currency = (await host.Get<ITenantDirectory>().FindAsync(tenant, ct))!.Currency;
        var queries = host.Get<OrderQueries>();

        var byChannel = new Table().Title("Orders by channel and fulfilment").AddColumns("channel", "fulfilment", "orders", "cancelled", "returned", "revenue");
        foreach (var row in await queries.CountsAsync(tenant, currency, ct))
            byChannel.AddRow(row.Channel, row.Fulfilment, $"{row.Orders}", $"{row.CancelledOrders}", $"{row.ReturnedOrders}", row.Revenue.ToString());
        AnsiConsole.Write(byChannel);

        var top = new Table().Title("Top fulfilment locations").AddColumns("location", "orders", "units");
        foreach (var row in await queries.TopLocationsAsync(tenant, 8, ct))
            top.AddRow(setup.CodesById.GetValueOrDefault(row.LocationId, row.LocationId), $"{row.Orders}", $"{row.Units}");
        AnsiConsole.Write(top);

        var benefits = await queries.BenefitsAsync(tenant, currency, ct);
        var promotions = new Table().Title("Discounts by promotion").AddColumns("promotion", "orders", "discount");
        foreach (var row in benefits.DiscountsByPromotion)
            promotions.AddRow(Markup.Escape($"{row.Code}: {row.Name}"), $"{row.Orders}", row.Amount.ToString());
        AnsiConsole.Write(promotions);

        var loyaltyCheck = host.Get<LoyaltyCheck>();
        var loyaltyLedger = await loyaltyCheck.VerifyAsync(setup.Retailer, ct);
        var loyalty = new Table().Title("Loyalty").AddColumns("benefit", "result");
        loyalty.AddRow("points earned (pending 14 days)", $"{benefits.PointsEarned}");
        loyalty.AddRow("points redeemed", $"{benefits.PointsRedeemed} on {benefits.OrdersWithPoints} orders ({benefits.PointsValue})");
        loyalty.AddRow($"coupons used ({DemoRetailer.FridayCoupon})", $"{benefits.CouponsUsed}");
        foreach (var (code, count) in outcome.BenefitsRefused.OrderByDescending(r => r.Value))
            loyalty.AddRow($"benefit refused, paid without: {Markup.Escape(code)}", $"{count}");
        loyalty.AddRow("tier moves (members by tier now)", string.Join(", ", (await loyaltyCheck.TiersAsync(tenant, ct)).Where(t => t.Tier is not null).Select(t => $"{t.Tier} {t.Members}")));
        loyalty.AddRow("loyalty ledger check", loyaltyLedger.Consistent
            ? $"[green]OK[/] (balances = entries = lots, {loyaltyLedger.AccountsChecked} accounts)" : $"[red]FAILED[/] ({loyaltyLedger.Mismatches.Count} accounts)");
        AnsiConsole.Write(loyalty);

        var ledger = await host.Get<StockQueries>().VerifyAsync(setup.Retailer, ct);
        var oversold = await host.Get<StockQueries>().OversoldAsync(setup.Retailer, ct);
        var checks = new Table().Title("The day in numbers").AddColumns("check", "result");
        checks.AddRow("shoppers", $"{outcome.Shoppers}");
        checks.AddRow("orders placed", $"{outcome.Placed} in {outcome.Elapsed.TotalSeconds:F1} s ({outcome.Placed / outcome.Elapsed.TotalSeconds:F0}/s, with their picking, delivery and returns)");
        foreach (var (code, count) in outcome.Rejected.OrderByDescending(r => r.Value))
            checks.AddRow($"turned away: {Markup.Escape(code)}", $"{count}");
        checks.AddRow("cancelled by customers", $"{outcome.Cancelled}");
        checks.AddRow("unpaid, expired at 22:31", $"{outcome.Expired}");
        checks.AddRow("returns in another store", $"{outcome.Returns}");
        checks.AddRow("stock ledger check", ledger.Consistent ? $"[green]OK[/] (on hand = ledger, {ledger.LevelsChecked} levels)" : $"[red]FAILED[/] ({ledger.Mismatches.Count} levels)");
        checks.AddRow("oversell count", oversold == 0 ? "[green]0[/]" : $"[red]{oversold}[/]");
        // The orders also went into the data bank as e-commerce events; the projector turns them into one profile per member.
        var projected = await host.Get<ProfileProjector>().CatchUpAsync(ct);
        var people = await host.Get<ProfileQueries>().CountAsync(Caller.AdminOf(tenant), ct);
        checks.AddRow("data bank", $"{projected} order events projected into {people} member profiles");
        AnsiConsole.Write(checks);
        await ConsumerAssetsAsync(tenant, ct);
        await DemoNetwork.RunAsync(host, setup, clock, ct);
        return ledger.Consistent && oversold == 0 && loyaltyLedger.Consistent ? CliOutput.Ok : CliOutput.Failed;
    }

    /// <summary>The day's AIPL of the brand, and how people moved from the day before (the demo's buyers become Purchased).</summary>
    private async Task ConsumerAssetsAsync(TenantId tenant, CancellationToken ct)
    {
        var caller = Caller.AdminOf(tenant);
        var aipl = host.Get<AiplQueries>();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var (day, before) = (today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if ((await aipl.CountsAsync(caller, null, day, ct)) is { IsSuccess: true } counts)
            MarketingCommands.PrintCounts([counts.Value]);
        if ((await aipl.FlowAsync(caller, before, day, null, ct)) is { IsSuccess: true } flow)
            MarketingCommands.PrintFlow(flow.Value);
    }
}
