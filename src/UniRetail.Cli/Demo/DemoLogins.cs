using Spectre.Console;
using UniRetail.Identity.Users;
using UniRetail.Server;

namespace UniRetail.Cli.Demo;

/// <summary>For <c>demo --serve</c>: a console user per role on the demo's retailer, each with a generated password printed once.</summary>
internal static class DemoLogins
{
    public static async Task<IReadOnlyList<(string Email, string Role, string Password)>> CreateAsync(ModuleContainer host, DemoSetup setup, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(setup);
        var users = host.Get<ManageUsers>();
        var store = setup.Stores[0];
        var logins = new List<(string, string, string)>();
        foreach (var (email, role, storeId) in new[]
                 {
                     ("admin@demo.uniretail.test", "admin", (string?)null),
                     ("marketer@demo.uniretail.test", "marketer", null),
                     ($"staff.{store.Code.ToLowerInvariant()}@demo.uniretail.test", "store_staff", store.Id),
                 })
        {
            var created = await users.CreateAsync(setup.Retailer, new CreateUserRequest(email, role, storeId, null), ct);
            if (!created.IsSuccess)
                throw new InvalidOperationException($"Could not create the demo's {role} user: {created.Error!.Message}");
            logins.Add((email, role == "store_staff" ? $"store_staff at {store.Code}" : role, created.Value.GeneratedPassword!));
        }
        return logins;
    }

    public static void Print(string address, string? tenant, IReadOnlyList<(string Email, string Role, string Password)> logins)
    {
        ArgumentNullException.ThrowIfNull(logins);
        AnsiConsole.MarkupLine($"[bold]Console[/] at {Markup.Escape(address)} (the API under /api); tenant [bold]{Markup.Escape(tenant ?? "")}[/]. Sign in as:");
        var table = new Table().AddColumns("role", "e-mail", "password");
        foreach (var (email, role, password) in logins)
            table.AddRow(Markup.Escape(role), Markup.Escape(email), Markup.Escape(password));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("[grey]Ctrl+C stops the server. The demo's trading day is dated " +
            $"{DemoRetailer.Opening:yyyy-MM-dd}: open Orders for it (Today shows the current day).[/]");
    }
}
