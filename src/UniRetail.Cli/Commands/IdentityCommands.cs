using System.CommandLine;
using UniRetail.Kernel;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Stitching;
using UniRetail.Server;

namespace UniRetail.Cli.Commands;

/// <summary>The tenant's identity rules from the command line: what is shared, and undoing a join. The same handlers as the API.</summary>
internal static class IdentityCommands
{
    private static readonly Argument<string> Tenant = new("tenant") { Description = "The tenant: its id (ten_...) or its name" };

    public static Command Create() => new("identity", "Identity resolution of the data bank: rules, shared identifiers, joins")
    {
        Show(), Share(declare: true), Share(declare: false), UndoJoinCommand(),
    };

    private static Command Show()
    {
        var show = new Command("rules", "Show the identity rules, the tenant's blocked values and the identifiers it declares shared") { Tenant };
        show.SetAction((result, ct) => AsAdminAsync(result, async (host, caller) =>
        {
            var rules = await host.Get<ManageIdentityRules>().GetAsync(caller, ct);
            if (!rules.IsSuccess)
                return CliOutput.Fail(rules.Error);
            foreach (var rule in rules.Value.Rules)
                Console.WriteLine($"{rule.Type,-16} priority {rule.Priority,3}  at most {rule.MaxPerProfile,4} a profile  {(rule.MayMerge ? "merges" : "never merges")}");
            Console.WriteLine($"blocked values:     {string.Join(", ", rules.Value.BlockedValues)} (and {rules.Value.BuiltInBlockedValues.Count} built in)");
            Console.WriteLine($"declared shared:    {string.Join(", ", rules.Value.SharedIdentifiers.Select(s => $"{s.Type} {s.Value}"))}");
            return CliOutput.Ok;
        }, ct));
        return show;
    }

    private static Command Share(bool declare)
    {
        var type = new Argument<string>("type") { Description = "device_id, anonymous_id, email, phone or payment_account" };
        var value = new Argument<string>("value") { Description = "The identifier, as events carry it" };
        var command = declare
            ? new Command("share", "Declare an identifier shared (a store's own tablet): it links nobody from now on") { Tenant, type, value }
            : new Command("unshare", "Take an identifier off the tenant's shared list") { Tenant, type, value };
        command.SetAction((result, ct) => AsAdminAsync(result, async (host, caller) =>
        {
            var handler = host.Get<ManageIdentityRules>();
            var current = await handler.GetAsync(caller, ct);
            if (!current.IsSuccess)
                return CliOutput.Fail(current.Error);
            var named = new IdentifierLink(result.GetValue(type)!, result.GetValue(value)!);
            var shared = current.Value.SharedIdentifiers.Where(s => s != named).ToList();
            if (declare)
                shared.Add(named);
            var saved = await handler.SetAsync(caller, new IdentityRulesRequest(current.Value.Rules, current.Value.BlockedValues, shared), ct);
            if (!saved.IsSuccess)
                return CliOutput.Fail(saved.Error);
            Console.WriteLine($"declared shared: {saved.Value.SharedIdentifiers.Count} identifiers");
            return CliOutput.Ok;
        }, ct));
        return command;
    }

    private static Command UndoJoinCommand()
    {
        var join = new Argument<string>("join") { Description = "The join id (join_...), as a profile's identifiers and joins name it" };
        var undo = new Command("undo-join", "Undo a join: its identifiers leave for a profile of their own, and the two are kept apart") { Tenant, join };
        undo.SetAction((result, ct) => AsAdminAsync(result, async (host, caller) =>
        {
            var undone = await host.Get<UndoJoin>().HandleAsync(caller, result.GetValue(join)!, ct);
            if (!undone.IsSuccess)
                return CliOutput.Fail(undone.Error);
            Console.WriteLine($"undone: {undone.Value.JoinId}; kept apart: {string.Join(" and ", undone.Value.KeptApart ?? [])}");
            return CliOutput.Ok;
        }, ct));
        return undo;
    }

    private static async Task<int> AsAdminAsync(ParseResult result, Func<ModuleContainer, Caller, Task<int>> work, CancellationToken ct)
    {
        await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
        var tenant = await TenantArgument.ResolveAsync(host, result.GetValue(Tenant), ct);
        return tenant.IsSuccess ? await work(host, Caller.AdminOf(tenant.Value)) : CliOutput.Fail(tenant.Error);
    }
}
