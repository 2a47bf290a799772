using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using UniRetail.Kernel;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Marketing.Projection;
using UniRetail.Server;

namespace UniRetail.Cli.Commands;

/// <summary>
/// <c>uniretail marketing aipl|flow|rules|forecast|backtest …</c>: the consumer assets of a tenant as tables (or <c>--json</c>), read after the
/// profile projector has caught up with every event stored before the command started.
/// </summary>
internal static class MarketingCommands
{
    public static Command Create() => new("marketing", "Consumer assets of the data bank: AIPL counts, flows, rules, the GMV forecast and its backtest")
    {
        Aipl(), Flow(), Rules(), Fast(), Grow(), Forecast(), Backtest(),
    };

    private static Option<string> TenantOption() => new("--tenant") { Description = "The tenant: its id (ten_...) or its name", Required = true };

    private static Option<bool> JsonOption() => new("--json") { Description = "Print JSON instead of a table" };

    private static Option<string?> CategoryOption() => new("--category") { Description = "A category (Home/Kitchen); without it, the brand as a whole" };

    /// <summary><see cref="TenantArgument.RunAsAdminAsync"/> with the projector caught up first, so the counts see every event.</summary>
    private static Task<int> WithTenantAsync(ParseResult result, Option<string> tenant, Func<ModuleContainer, Caller, Task<int>> run, CancellationToken ct)
    {
        // Redirected output defaults to 80 columns, too narrow for the tables.
        if (Console.IsOutputRedirected)
            AnsiConsole.Profile.Width = 160;
        return TenantArgument.RunAsAdminAsync(result, tenant, async (host, caller) =>
        {
            await host.Get<ProfileProjector>().CatchUpAsync(ct);
            return await run(host, caller);
        }, ct);
    }

    private static Command Aipl()
    {
        var tenant = TenantOption();
        var category = CategoryOption();
        var date = new Option<string?>("--date") { Description = "The day (yyyy-MM-dd, UTC); default today" };
        var profile = new Option<string?>("--profile") { Description = "Show one person's stage per category, with the events that put them there" };
        var snapshot = new Option<bool>("--snapshot") { Description = "Count every category and keep the counts as the day's snapshot" };
        var json = JsonOption();
        var command = new Command("aipl", "People per AIPL stage (Aware, Interested, Purchased, Loyal) on a day") { tenant, category, date, profile, snapshot, json };
        command.SetAction((result, ct) => WithTenantAsync(result, tenant, async (host, caller) =>
        {
            var queries = host.Get<AiplQueries>();
            var asJson = result.GetValue(json);
            if (result.GetValue(profile) is { } profileId)
                return CliOutput.Print(await queries.PersonAsync(caller, profileId, result.GetValue(date), ct), asJson, PrintPerson);
            if (result.GetValue(snapshot))
                return CliOutput.Print(await queries.SnapshotAsync(caller, result.GetValue(date), ct), asJson, PrintCounts);
            return CliOutput.Print(await queries.CountsAsync(caller, result.GetValue(category), result.GetValue(date), ct), asJson, counts => PrintCounts([counts]));
        }, ct));
        return command;
    }

    private static Command Flow()
    {
        var tenant = TenantOption();
        var category = CategoryOption();
        var from = new Option<string>("--from") { Description = "The earlier day (yyyy-MM-dd)", Required = true };
        var to = new Option<string>("--to") { Description = "The later day (yyyy-MM-dd)", Required = true };
        var json = JsonOption();
        var command = new Command("flow", "How people moved between AIPL stages from one day to another (new and lost included)") { tenant, category, from, to, json };
        command.SetAction((result, ct) => WithTenantAsync(result, tenant, async (host, caller) =>
            CliOutput.Print(await host.Get<AiplQueries>().FlowAsync(caller, result.GetValue(from), result.GetValue(to), result.GetValue(category), ct), result.GetValue(json), PrintFlow), ct));
        return command;
    }

    private static Command Rules()
    {
        var tenant = TenantOption();
        var file = new Option<FileInfo?>("--set") { Description = "Replace the rules with this JSON file (the shape GET /api/marketing/aipl/rules shows under \"rules\")" };
        var command = new Command("rules", "Show (or replace) the tenant's AIPL rules: events per stage, windows, the loyalty rule") { tenant, file };
        command.SetAction((result, ct) => WithTenantAsync(result, tenant, async (host, caller) =>
        {
            var manage = host.Get<ManageAiplRules>();
            Result<AiplRulesView> rules;
            if (result.GetValue(file) is { } path)
            {
                if (!path.Exists)
                    return CliOutput.Fail($"no such file: {path.FullName}");
                AiplRulesRequest? request;
                try
                {
                    request = JsonSerializer.Deserialize<AiplRulesRequest>(await File.ReadAllTextAsync(path.FullName, ct), JsonSerializerOptions.Web);
                }
                catch (JsonException ex)
                {
                    return CliOutput.Fail($"{path.Name} is not a rule set: {ex.Message}");
                }
                rules = await manage.SetAsync(caller, request, ct);
            }
            else
            {
                rules = await manage.GetAsync(caller, ct);
            }
            return CliOutput.Print(rules);
        }, ct));
        return command;
    }

    private static Command Fast()
    {
        var tenant = TenantOption();
        var category = CategoryOption();
        var from = new Option<string>("--from") { Description = "The period's first day (yyyy-MM-dd)", Required = true };
        var to = new Option<string>("--to") { Description = "The period's last day (yyyy-MM-dd)", Required = true };
        var top = new Option<decimal?>("--top") { Description = "Superiority: the share of purchasers by 365-day spend counted high-value (default 0.2)" };
        var tiers = new Option<string?>("--tiers") { Description = "Superiority: count the members of these loyalty tiers (comma-separated) as high-value instead" };
        var json = JsonOption();
        var command = new Command("fast", "FAST over a period: Fertility, Advancing, Superiority, Thriving, each with its definition") { tenant, category, from, to, top, tiers, json };
        command.SetAction((result, ct) => WithTenantAsync(result, tenant, async (host, caller) =>
        {
            var fast = await host.Get<FastAndGrow>().FastAsync(
                caller, result.GetValue(from), result.GetValue(to), result.GetValue(category), result.GetValue(top), result.GetValue(tiers), ct);
            return CliOutput.Print(fast, result.GetValue(json), f =>
            {
                var table = new Table().Title($"FAST of {Markup.Escape(f.Category)}, {f.From:yyyy-MM-dd} – {f.To:yyyy-MM-dd}").AddColumns("", "figure", "value", "definition");
                foreach (var (group, figures) in new[] { ("Fertility", f.Fertility), ("Advancing", f.Advancing), ("Superiority", f.Superiority), ("Thriving", f.Thriving) })
                {
                    foreach (var figure in figures)
                        table.AddRow(group, figure.Name, figure.Value.ToString("0.####", CultureInfo.InvariantCulture), Markup.Escape(figure.Definition));
                }
                AnsiConsole.Write(table);
            });
        }, ct));
        return command;
    }

    private static Command Grow()
    {
        var tenant = TenantOption();
        var category = CategoryOption();
        var from = new Option<string>("--from") { Description = "The period's first day (yyyy-MM-dd); it is compared with the period of the same length before", Required = true };
        var to = new Option<string>("--to") { Description = "The period's last day (yyyy-MM-dd)", Required = true };
        var json = JsonOption();
        var command = new Command("grow", "GROW: the GMV change from the period before, split into Gain, Retain, bOOst and Widen (they add up exactly)") { tenant, category, from, to, json };
        command.SetAction((result, ct) => WithTenantAsync(result, tenant, async (host, caller) =>
        {
            var grow = await host.Get<FastAndGrow>().GrowAsync(caller, result.GetValue(from), result.GetValue(to), result.GetValue(category), ct);
            return CliOutput.Print(grow, result.GetValue(json), g =>
            {
                AnsiConsole.MarkupLineInterpolated(
                    $"GROW of {g.Category}: {g.PreviousFrom:yyyy-MM-dd}–{g.PreviousTo:yyyy-MM-dd} {g.PreviousGmv:N2} → {g.From:yyyy-MM-dd}–{g.To:yyyy-MM-dd} {g.Gmv:N2} {g.Currency} (change {g.Change:N2})");
                var table = new Table().AddColumns("part", "GMV", "buyers", "definition");
                foreach (var part in g.Parts)
                    table.AddRow(part.Part, part.Gmv.ToString("N2", CultureInfo.InvariantCulture), N(part.Buyers), Markup.Escape(part.Definition));
                AnsiConsole.Write(table);
            });
        }, ct));
        return command;
    }

    private static Command Forecast()
    {
        var tenant = TenantOption();
        var category = CategoryOption();
        var months = new Option<int?>("--months") { Description = "How many months ahead (3 to 12; default 6)" };
        var target = new Option<decimal?>("--target") { Description = "Instead: the GMV a month should reach; prints the people needed per stage now and the gap" };
        var ahead = new Option<int?>("--months-ahead") { Description = "With --target: which month (1 = next month; default 6)" };
        var json = JsonOption();
        var command = new Command("forecast", "GMV and AIPL counts for the coming months from the AIPL exchange-rate card (or, with --target, what a GMV target needs)")
        {
            tenant, category, months, target, ahead, json,
        };
        command.SetAction((result, ct) => WithTenantAsync(result, tenant, async (host, caller) =>
        {
            var forecasts = host.Get<ConsumerAssetsForecasts>();
            if (result.GetValue(target) is { } gmv)
            {
                var needs = await forecasts.TargetAsync(caller, new GmvTargetRequest(gmv, result.GetValue(ahead), result.GetValue(category)), ct);
                return CliOutput.Print(needs, result.GetValue(json), n =>
                {
                    AnsiConsole.MarkupLineInterpolated(
                        $"{n.Month} target {n.Target:N2} {n.Currency}: today's people are forecast to bring {n.Forecast:N2} ({n.FromNewPeople:N2} of it from people not seen yet)");
                    var table = new Table().AddColumns("State", "People now", "Needed now", "Gap", $"GMV per person in {n.Month}");
                    foreach (var stage in n.Stages)
                        table.AddRow(stage.State, N(stage.Now), N(stage.Needed), N(stage.Gap), stage.GmvPerPerson.ToString("N2", CultureInfo.InvariantCulture));
                    AnsiConsole.Write(table);
                });
            }
            var forecast = await forecasts.ForecastAsync(caller, result.GetValue(months), result.GetValue(category), ct);
            return CliOutput.Print(forecast, result.GetValue(json), f =>
            {
                AnsiConsole.MarkupLineInterpolated($"AIPL exchange-rate card of {f.Category}, learnt on {f.MonthsLearnt} months to {f.TrainedUntil:yyyy-MM-dd} ({f.Currency})");
                var card = new Table().AddColumns(["State", "People", "GMV/person next month", .. GmvForecast.StateNames.Select(s => $"→ {s}"), "new/month"]);
                foreach (var row in f.Card)
                    card.AddRow([row.State, N(row.People), row.GmvPerPerson.ToString("N2", CultureInfo.InvariantCulture), .. row.NextMonth.Values.Select(v => v.ToString("P1", CultureInfo.InvariantCulture)), N(row.NewPerMonth)]);
                AnsiConsole.Write(card);
                var months2 = new Table().AddColumns(["Month", "GMV", "95% low", "95% high", .. GmvForecast.StateNames]);
                foreach (var m in f.Months)
                {
                    months2.AddRow([m.Month, m.Gmv.ToString("N0", CultureInfo.InvariantCulture), m.Low.ToString("N0", CultureInfo.InvariantCulture), m.High.ToString("N0", CultureInfo.InvariantCulture),
                        .. m.People.Values.Select(N)]);
                }
                AnsiConsole.Write(months2);
            });
        }, ct));
        return command;
    }

    private static Command Backtest()
    {
        var tenant = TenantOption();
        var category = CategoryOption();
        var until = new Option<string>("--train-until") { Description = "The last day the model may learn from (yyyy-MM-dd; the month it ends is the last one learnt)", Required = true };
        var months = new Option<int>("--months") { Description = "How many months after it to forecast and compare (1 to 12)", DefaultValueFactory = _ => 3 };
        var json = JsonOption();
        var command = new Command("backtest", "Train the GMV forecast up to a day, forecast the next months, and compare with what happened and with two baselines")
        {
            tenant, category, until, months, json,
        };
        command.SetAction((result, ct) => WithTenantAsync(result, tenant, async (host, caller) =>
        {
            var backtest = await host.Get<ConsumerAssetsForecasts>().BacktestAsync(caller, result.GetValue(until), result.GetValue(months), result.GetValue(category), ct);
            return CliOutput.Print(backtest, result.GetValue(json), b =>
            {
                AnsiConsole.MarkupLineInterpolated($"Backtest of {b.Category}: trained to {b.TrainedUntil:yyyy-MM-dd}, GMV in {b.Currency}");
                var table = new Table().AddColumns("Month", "Actual", "AIPL forecast", "error", "95% interval", "Seasonal naive", "error", "Linear trend", "error");
                foreach (var m in b.Months)
                {
                    table.AddRow(m.Month, M(m.Actual), M(m.Forecast), P(m.Error), $"{M(m.Low)} – {M(m.High)}", M(m.SeasonalNaive), P(m.SeasonalNaiveError), M(m.LinearTrend), P(m.LinearTrendError));
                }
                table.AddRow("MAPE", "", "", P(b.Mape), "", "", P(b.SeasonalNaiveMape), "", P(b.LinearTrendMape));
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLineInterpolated($"[grey]{b.Baselines}[/]");
            });
        }, ct));
        return command;
    }

    private static string M(decimal amount) => amount.ToString("N0", CultureInfo.InvariantCulture);

    private static string P(decimal? percent) => percent is { } p ? p.ToString("+0.0;-0.0;0.0", CultureInfo.InvariantCulture) + "%" : "-";

    internal static void PrintCounts(IEnumerable<AiplCountsView> views)
    {
        var table = new Table().AddColumns("Category", "Date", "Aware", "Interested", "Purchased", "Loyal", "Total", "Left out (no analytics consent)");
        foreach (var v in views)
        {
            table.AddRow([Markup.Escape(v.Category), v.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                .. v.Stages.Select(s => N(s.People)), N(v.Total), N(v.LeftOut)]);
        }
        AnsiConsole.Write(table);
    }

    internal static void PrintFlow(AiplFlowView flow)
    {
        AnsiConsole.MarkupLineInterpolated(
            $"AIPL flow of {flow.Category}: {flow.From:yyyy-MM-dd} (rows) → {flow.To:yyyy-MM-dd} (columns); {flow.LeftOut:N0} left out for refusing analytics");
        var columns = flow.ColumnTotals.Keys.ToList();
        var table = new Table().AddColumns(["from \\ to", .. columns, "total"]);
        foreach (var row in flow.Rows)
            table.AddRow([row.From, .. columns.Select(c => N(row.To[c])), N(row.Total)]);
        table.AddRow(["total", .. columns.Select(c => N(flow.ColumnTotals[c])), N(flow.Rows.Sum(r => r.Total))]);
        AnsiConsole.Write(table);
    }

    private static void PrintPerson(AiplPersonView person)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{person.ProfileId}[/] on {person.Date:yyyy-MM-dd}");
        var table = new Table().AddColumns("Category", "Stage", "Because (day: what, event)");
        foreach (var c in person.Categories)
        {
            table.AddRow(Markup.Escape(c.Category), c.Stage,
                Markup.Escape(string.Join("; ", c.Because.Take(5).Select(b => $"{b.Date:yyyy-MM-dd}: {string.Join("+", b.Kinds)}, {b.MessageId}")) + (c.Because.Count > 5 ? $"; … {c.Because.Count - 5} more" : "")));
        }
        AnsiConsole.Write(table);
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string N(decimal value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
