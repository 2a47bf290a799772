using UniRetail.Server;
using System.CommandLine;
using Spectre.Console;
using UniRetail.Inventory.Queries;

namespace UniRetail.Cli.Commands;

internal static class InventoryCommands
{
    public static Command Create()
    {
        var check = new Command("check", "Verify that every stock level equals the sum of its ledger entries (all tenants)");
        check.SetAction(async (result, ct) =>
        {
            await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
            var verdict = await host.Get<StockQueries>().VerifyAsync(null, ct);
            foreach (var m in verdict.Mismatches.Take(20))
                AnsiConsole.MarkupLineInterpolated($"[red]{m.Sku} at {m.Location}[/]: on hand {m.OnHand} vs ledger {m.LedgerOnHand}, reserved {m.Reserved} vs ledger {m.LedgerReserved}");
            Console.WriteLine(verdict.Consistent
                ? $"stock ledger check: OK ({verdict.LevelsChecked} levels, on hand = ledger)"
                : $"stock ledger check: FAILED ({verdict.Mismatches.Count} of {verdict.LevelsChecked} levels differ)");
            return verdict.Consistent ? CliOutput.Ok : CliOutput.Failed;
        });
        return new Command("inventory", "Stock") { check };
    }
}
