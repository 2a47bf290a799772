using System.CommandLine;
using UniRetail.Cli.Shops;
using UniRetail.Identity.Contracts;
using UniRetail.Network.Advice;

namespace UniRetail.Cli.Commands;

/// <summary><c>uniretail shops advice | advice-refresh</c>: a shop's assortment and display advice, and its platform's shop profiles.</summary>
internal static class ShopsAdviceCommands
{
    public static Command Advice()
    {
        var location = new Option<string>("--location") { Description = "The shop's location id (loc_…); default: its first store" };
        var json = new Option<bool>("--json") { Description = "Print the advice as JSON" };
        var command = new Command("advice", "A shop's assortment and display advice: what to add, drop, place side by side and put at eye level, with the evidence")
            { ImportCommands.Tenant, location, json };
        command.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, caller) =>
        {
            var at = result.GetValue(location)
                ?? (await host.Get<ILocationDirectory>().ListAsync(caller.Tenant, ct)).Where(l => l.Kind != LocationKind.Warehouse)
                    .OrderBy(l => l.Code, StringComparer.Ordinal).FirstOrDefault()?.Id.Value;
            return CliOutput.Print(await host.Get<ShopAdvice>().ForShopAsync(caller, at, ct), result.GetValue(json), advice => AdviceTables.Write(advice));
        }, ct));
        return command;
    }

    public static Command Refresh()
    {
        var command = new Command("advice-refresh", "Recompute the sales profiles (the last 8 weeks by SKU) of every shop on a platform, which similar shops are found by")
            { ImportCommands.Tenant };
        command.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, caller) =>
        {
            var refreshed = await host.Get<ShopProfiles>().RefreshAsync(caller, ct);
            if (!refreshed.IsSuccess)
                return CliOutput.Fail(refreshed.Error);
            Console.WriteLine($"profiles refreshed: {refreshed.Value.Shops} shops, {refreshed.Value.Locations} locations, as of {refreshed.Value.AsOf:yyyy-MM-dd}");
            return CliOutput.Ok;
        }, ct));
        return command;
    }
}
