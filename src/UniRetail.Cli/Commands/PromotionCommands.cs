using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using UniRetail.Kernel;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Managing;
using UniRetail.Promotions.Pricing;

namespace UniRetail.Cli.Commands;

/// <summary><c>uniretail promotions list | set FILE.json | price BASKET.json</c>, on the same handlers as the HTTP API.</summary>
internal static class PromotionCommands
{
    public static Command Create() => new("promotions", "Promotions and basket pricing") { List(), Set(), Price() };

    private static Option<string> TenantOption() => new("--tenant") { Description = "The tenant: its id (ten_...) or its name", Required = true };

    private static Command List()
    {
        var tenant = TenantOption();
        var all = new Option<bool>("--all") { Description = "Include deactivated promotions" };
        var json = new Option<bool>("--json") { Description = "Print the promotions as JSON" };
        var command = new Command("list", "List the tenant's promotions (active ones unless --all)") { tenant, all, json };
        command.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, tenant, async (host, admin) =>
        {
            var promotions = new List<PromotionView>();
            var page = new PageQuery(PageQuery.MaxLimit, null);
            while (true)
            {
                var slice = await host.Get<PromotionQueries>().ListAsync(admin, result.GetValue(all) ? null : true, page, ct);
                if (!slice.IsSuccess)
                    return CliOutput.Fail(slice.Error);
                promotions.AddRange(slice.Value.Items);
                if (slice.Value.NextAfter is null)
                    break;
                page = page with { After = slice.Value.NextAfter };
            }
            if (result.GetValue(json))
                CliOutput.WriteJson(promotions);
            else
                Print(promotions);
            return CliOutput.Ok;
        }, ct));
        return command;
    }

    private static Command Set()
    {
        var tenant = TenantOption();
        var file = new Argument<FileInfo>("file") { Description = "JSON: one promotion or an array of them, as POST /api/promotions takes them; matched by code" };
        var command = new Command("set", "Create or replace promotions from a JSON file (by code); stops at the first refusal") { file, tenant };
        command.SetAction(async (result, ct) =>
        {
            var read = await ReadAsync<List<PromotionRequest?>>(result.GetValue(file)!, single: typeof(PromotionRequest), ct);
            if (!read.IsSuccess)
                return CliOutput.Fail(read.Error);
            return await TenantArgument.RunAsAdminAsync(result, tenant, async (host, admin) =>
            {
                var saved = await host.Get<SetPromotions>().HandleAsync(admin, read.Value, ct);
                if (!saved.IsSuccess)
                    return CliOutput.Fail(saved.Error);
                foreach (var outcome in saved.Value)
                    Console.WriteLine($"{(outcome.Created ? "created" : "replaced")} {outcome.Promotion.Code} ({outcome.Promotion.Id}, version {outcome.Promotion.Version})");
                return CliOutput.Ok;
            }, ct);
        });
        return command;
    }

    private static Command Price()
    {
        var tenant = TenantOption();
        var file = new Argument<FileInfo>("file") { Description = "JSON: a basket as POST /api/baskets/price takes it (channel, storeId, memberId, lines, unlockedPromotionIds, at)" };
        var json = new Option<bool>("--json") { Description = "Print the priced basket as JSON" };
        var command = new Command("price", "Price a basket with the tenant's active promotions (changes nothing)") { file, tenant, json };
        command.SetAction(async (result, ct) =>
        {
            var read = await ReadAsync<PriceBasketRequest>(result.GetValue(file)!, single: null, ct);
            if (!read.IsSuccess)
                return CliOutput.Fail(read.Error);
            return await TenantArgument.RunAsAdminAsync(result, tenant, async (host, admin) =>
                CliOutput.Print(await host.Get<PriceBasket>().HandleAsync(admin, read.Value, ct), result.GetValue(json), Print), ct);
        });
        return command;
    }

    private static void Print(List<PromotionView> promotions)
    {
        var table = new Table().AddColumns("code", "name", "kind", "priority", "group", "active", "id");
        foreach (var p in promotions)
            table.AddRow(Markup.Escape(p.Code), Markup.Escape(p.Name), p.Rule.Kind ?? "", p.Priority.ToString(CultureInfo.InvariantCulture), p.StackingGroup + (p.Exclusive ? " (exclusive)" : ""), p.Active ? "yes" : "no", p.Id);
        AnsiConsole.Write(table);
        Console.WriteLine($"{promotions.Count} promotions");
    }

    private static void Print(PricedBasketView basket)
    {
        var table = new Table().AddColumns("#", "sku", "qty", "unit", "list", "discount", "net", "applied", "declined");
        foreach (var l in basket.Lines)
        {
            table.AddRow(l.LineNo.ToString(CultureInfo.InvariantCulture), Markup.Escape(l.Sku), l.Quantity.ToString(CultureInfo.InvariantCulture), Amount(l.UnitPrice),
                Amount(l.ListTotal), Amount(l.Discount), Amount(l.NetTotal),
                Markup.Escape(string.Join(", ", l.Applied.Select(a => $"{a.Code} -{Amount(a.Amount)}"))),
                Markup.Escape(string.Join(", ", l.Declined.Select(d => $"{d.Code}: {d.Reason}"))));
        }
        AnsiConsole.Write(table);
        Console.WriteLine($"subtotal {Amount(basket.Subtotal)}  discount {Amount(basket.DiscountTotal)}  total {Amount(basket.Total)} {basket.Currency}");
        foreach (var d in basket.Declined)
            Console.WriteLine($"not applied: {d.Code}: {d.Reason}");
        foreach (var h in basket.Hints)
            Console.WriteLine($"hint: {h.Message}");
    }

    private static string Amount(UniRetail.Web.MoneyView money) => money.Amount.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Reads the file as <typeparamref name="T"/>; a file holding one <paramref name="single"/> object is read as a list of one.</summary>
    private static async Task<Result<T>> ReadAsync<T>(FileInfo file, Type? single, CancellationToken ct)
    {
        if (!file.Exists)
            return Error.NotFound("cli.no_such_file", $"No such file: {file.FullName}", "file");
        var text = await File.ReadAllTextAsync(file.FullName, ct);
        try
        {
            if (single is not null && text.TrimStart().StartsWith('{'))
                text = "[" + text + "]";
            return JsonSerializer.Deserialize<T>(text, JsonSerializerOptions.Web) is { } value
                ? value
                : Error.Validation("cli.bad_json", $"{file.Name} holds null.", "file");
        }
        catch (JsonException ex)
        {
            return Error.Validation("cli.bad_json", $"{file.Name} is not the JSON expected: {ex.Message}", "file");
        }
    }
}
