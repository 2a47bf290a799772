using System.CommandLine;
using UniRetail.Kernel;
using UniRetail.Server;
using UniRetail.Store.Bags;
using UniRetail.Store.Complements;

namespace UniRetail.Cli.Commands;

/// <summary><c>uniretail bag start|scan|show|complements</c>: scan-to-bag through the same handlers as the API, as the tenant's admin.</summary>
internal static class BagCommands
{
    public static Command Create()
    {
        var store = StoreArgument.Create();
        var member = new Option<string?>("--member") { Description = "Start from the app for this member (mem_…)" };
        var code = new Option<string?>("--code") { Description = "Start by the member code scanned at the entrance" };
        var start = new Command("start", "Start a bag at a store, by member code or for a member (JSON)") { store, member, code, ImportCommands.Tenant };
        start.SetAction(async (result, ct) =>
        {
            await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
            var at = await StoreArgument.ResolveAsync(host, result, store, ct);
            if (!at.IsSuccess)
                return CliOutput.Fail(at.Error);
            var started = await host.Get<StartBag>().HandleAsync(
                Caller.AdminOf(at.Value.Tenant), new StartBagRequest(at.Value.Store.Value, result.GetValue(code), result.GetValue(member)), null, ct);
            return CliOutput.Print(started.Map(s => s.Bag));
        });

        var bag = new Argument<string>("bag") { Description = "The bag id (bag_…)" };
        var gtin = new Argument<string>("gtin") { Description = "The scanned barcode" };
        var quantity = new Option<int>("--quantity") { Description = "Units scanned", DefaultValueFactory = _ => 1 };
        var scan = new Command("scan", "Scan a product into a bag: the bag, complements in stock at its store and reminders (JSON)") { bag, gtin, quantity, ImportCommands.Tenant };
        scan.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, admin) =>
        {
            var scanned = await host.Get<ScanIntoBag>().HandleAsync(
                admin, result.GetValue(bag), null, new ScanRequest(result.GetValue(gtin), result.GetValue(quantity)), null, ct);
            return CliOutput.Print(scanned.Map(s => s.Scan));
        }, ct));

        var show = new Command("show", "A bag, priced as the till would price it now (JSON)") { bag, ImportCommands.Tenant };
        show.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, admin) => CliOutput.Print(await host.Get<ChangeBagLine>().GetAsync(admin, result.GetValue(bag), null, ct)), ct));

        var refresh = new Command("complements", "Count the tenant's new orders into its bag complements now (JSON)") { ImportCommands.Tenant };
        refresh.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, admin) => CliOutput.Print(await host.Get<RefreshComplements>().HandleAsync(admin, ct)), ct));
        return new Command("bag", "Scan-to-bag: start a bag, scan into it, show it, refresh complements") { start, scan, show, refresh };
    }
}
