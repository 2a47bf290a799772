using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Check;
using UniRetail.Loyalty.Programs;
using UniRetail.Server;

namespace UniRetail.Cli.Commands;

internal static class LoyaltyCommands
{
    public static Command Create()
    {
        var check = new Command("check", "Verify that every loyalty balance (points, pending points, wallet, gift card) equals its ledger entries and lots (all tenants)");
        check.SetAction(async (result, ct) =>
        {
            await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
            var verdict = await host.Get<LoyaltyCheck>().VerifyAsync(null, ct);
            foreach (var m in verdict.Mismatches.Take(20))
                AnsiConsole.MarkupLineInterpolated(
                    $"[red]{m.AccountId}[/] ({m.TenantId}): points {m.PointsAvailable} vs ledger {m.LedgerPoints} / lots {m.LotPoints}, pending {m.PointsPending} vs {m.LedgerPending} / {m.LotPending}, value {m.Value} vs {m.LedgerValue}");
            Console.WriteLine(verdict.Consistent
                ? $"loyalty ledger check: OK ({verdict.AccountsChecked} accounts, {verdict.GiftCardsChecked} gift cards, balances = ledger = lots)"
                : $"loyalty ledger check: FAILED ({verdict.Mismatches.Count} accounts differ, {verdict.NegativeBalances} below zero)");
            return verdict.Consistent ? CliOutput.Ok : CliOutput.Failed;
        });

        var member = new Argument<string>("member") { Description = "The member id (mem_…)" };
        var show = new Command("show", "A member's account: balances, tier, lots, coupons, recent ledger entries (JSON)") { member, ImportCommands.Tenant };
        show.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, admin) =>
            CliOutput.Print(await host.Get<ManageAccount>().GetAsync(admin, new MemberId(result.GetValue(member)!.Trim()), ct)), ct));
        return new Command("loyalty", "Loyalty: the program, member accounts, the ledger check") { ProgramCommand(), show, check };
    }

    private static Command ProgramCommand()
    {
        var file = new Argument<FileInfo>("file") { Description = "The program as JSON, the body of PUT /api/loyalty/program (see the README)" };
        var set = new Command("set", "Replace the tenant's loyalty program with the one in a JSON file, validated as the API validates it") { file, ImportCommands.Tenant };
        set.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
                return CliOutput.Fail($"no such file: {path.FullName}");
            ProgramDocument? document;
            try
            {
                await using var stream = path.OpenRead();
                document = await JsonSerializer.DeserializeAsync<ProgramDocument>(stream, CliOutput.Json, ct);
            }
            catch (JsonException ex)
            {
                return CliOutput.Fail(Error.Validation("loyalty.bad_json", $"{path.Name} is not a loyalty program: {ex.Message}", ex.Path));
            }
            return await TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, admin) => CliOutput.Print(await host.Get<ManageProgram>().SetAsync(admin, document, ct)), ct);
        });
        var get = new Command("show", "Print the tenant's loyalty program as JSON") { ImportCommands.Tenant };
        get.SetAction((result, ct) => TenantArgument.RunAsAdminAsync(result, ImportCommands.Tenant, async (host, admin) => CliOutput.Print(await host.Get<ManageProgram>().GetAsync(admin, ct)), ct));
        return new Command("program", "The tenant's loyalty program") { set, get };
    }
}
