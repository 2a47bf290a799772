using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using UniRetail.Network.Agreements;
using UniRetail.Network.ShopOrders;
using UniRetail.Server;

namespace UniRetail.Cli.Commands;

/// <summary><c>uniretail shops rep | link | commission</c>: the operator's side of the shop network.</summary>
internal static class ShopsNetworkCommands
{
    public static Command Rep()
    {
        var name = new Option<string>("--name") { Description = "The representative's name", Required = true };
        var rate = new Option<decimal>("--commission") { Description = "Share of the orders of the shops they sign (0.02: 2%)", DefaultValueFactory = _ => 0m };
        var command = new Command("rep", "Add a field representative to a platform and print their id") { ImportCommands.Tenant, name, rate };
        command.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, caller) =>
        {
            var rep = await host.Get<ManageReps>().CreateAsync(caller, new RepRequest(result.GetValue(name), result.GetValue(rate)), ct);
            if (!rep.IsSuccess)
                return CliOutput.Fail(rep.Error);
            Console.WriteLine($"representative: {rep.Value.Id} ({rep.Value.Name}, {rep.Value.CommissionRate:P1} commission)");
            return CliOutput.Ok;
        }, ct));
        return command;
    }

    public static Command Link()
    {
        var platformOption = new Option<string>("--platform") { Description = "The platform tenant: id or name", Required = true };
        var shopOption = new Option<string>("--shop") { Description = "The shop tenant (an existing tenant): id or name", Required = true };
        var rep = new Option<string>("--rep") { Description = "The representative who signed the shop up (rep_…)", Required = true };
        var warehouse = new Option<string>("--warehouse") { Description = "The platform's warehouse that serves the shop (loc_…)", Required = true };
        var day = new Option<string>("--delivery-day") { Description = "The weekday deliveries arrive", DefaultValueFactory = _ => "monday" };
        var customers = new Option<bool>("--shares-customers") { Description = "The shop consents to share its customers" };
        var pickup = new Option<bool>("--pickup-point") { Description = "The shop serves as a pickup point for the platform's online orders" };
        var command = new Command("link", "Put an existing tenant on a platform as a shop (a new shop is signed up with POST /api/network/shops)")
            { platformOption, shopOption, rep, warehouse, day, customers, pickup };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
            var platform = await TenantArgument.ResolveAsync(host, result.GetValue(platformOption), ct);
            if (!platform.IsSuccess)
                return CliOutput.Fail(platform.Error);
            var shop = await TenantArgument.ResolveAsync(host, result.GetValue(shopOption), ct);
            if (!shop.IsSuccess)
                return CliOutput.Fail(shop.Error);
            var terms = new AgreementTermsRequest(result.GetValue(rep), result.GetValue(warehouse), result.GetValue(day), result.GetValue(customers), result.GetValue(pickup));
            var linked = await host.Get<SignUpShop>().LinkAsync(platform.Value, shop.Value, terms, ct);
            if (!linked.IsSuccess)
                return CliOutput.Fail(linked.Error);
            Console.WriteLine($"agreement: {linked.Value.Id} ({linked.Value.ShopName}, delivered on {linked.Value.DeliveryDay}s)");
            return CliOutput.Ok;
        });
        return command;
    }

    public static Command Commission()
    {
        var from = new Option<string>("--from") { Description = "First day (yyyy-MM-dd)", Required = true };
        var to = new Option<string>("--to") { Description = "Day after the last (yyyy-MM-dd)", Required = true };
        var command = new Command("commission", "Each representative's shops, their orders in the period and the commission on them") { ImportCommands.Tenant, from, to };
        command.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, caller) =>
        {
            var report = await host.Get<CommissionReport>().HandleAsync(caller, result.GetValue(from), result.GetValue(to), ct);
            if (!report.IsSuccess)
                return CliOutput.Fail(report.Error);
            var table = new Table().Border(TableBorder.Rounded).AddColumn("representative").AddColumn(new TableColumn("signed").RightAligned())
                .AddColumn(new TableColumn("active").RightAligned()).AddColumn(new TableColumn("orders").RightAligned())
                .AddColumn(new TableColumn("value").RightAligned()).AddColumn(new TableColumn("commission").RightAligned());
            foreach (var r in report.Value.Reps)
            {
                table.AddRow(Markup.Escape($"{r.Name} ({r.RepId})"), r.ShopsSigned.ToString(CultureInfo.InvariantCulture), r.ShopsActive.ToString(CultureInfo.InvariantCulture),
                    r.Orders.ToString(CultureInfo.InvariantCulture), $"{r.OrderValue.Amount:N2} {r.OrderValue.Currency}", $"{r.Commission.Amount:N2} {r.Commission.Currency}");
            }
            Console.WriteLine($"commission from {report.Value.From:yyyy-MM-dd} to {report.Value.To:yyyy-MM-dd} (exclusive)");
            AnsiConsole.Write(table);
            return CliOutput.Ok;
        }, ct));
        return command;
    }
}
