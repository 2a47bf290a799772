using System.CommandLine;
using UniRetail.Identity.Users;

namespace UniRetail.Cli.Commands;

/// <summary>Console users (people who sign in to the web console), through the same handler an admin's console page uses.</summary>
internal static class UserCommands
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "The tenant: its id (ten_...) or its name", Required = true };
        var email = new Option<string>("--email") { Description = "The user's e-mail (their sign-in name)", Required = true };
        var role = new Option<string>("--role") { Description = "admin, store_staff or marketer", Required = true };
        var store = new Option<string?>("--store") { Description = "The store (loc_...) a store_staff user acts for" };
        var create = new Command("create",
            "Create a console user. The password is read from standard input when it is piped; otherwise one is generated and printed once")
        {
            tenant, email, role, store,
        };
        create.SetAction(async (result, ct) =>
        {
            var piped = Console.IsInputRedirected ? (await Console.In.ReadLineAsync(ct))?.TrimEnd('\r') : null;
            return await TenantArgument.RunAsAdminAsync(result, tenant, async (host, admin) =>
            {
                var request = new CreateUserRequest(result.GetValue(email), result.GetValue(role), result.GetValue(store), string.IsNullOrEmpty(piped) ? null : piped);
                var created = await host.Get<ManageUsers>().CreateAsync(admin, request, ct);
                if (!created.IsSuccess)
                    return CliOutput.Fail(created.Error);
                var user = created.Value.User;
                Console.WriteLine($"user:     {user.UserId} {user.Email} ({user.Role}{(user.StoreId is null ? "" : $" at {user.StoreId}")}) in {admin.Tenant}");
                if (created.Value.GeneratedPassword is { } password)
                {
                    Console.WriteLine($"password: {password}");
                    Console.WriteLine("Keep the password: it is not stored and cannot be shown again.");
                }
                return CliOutput.Ok;
            }, ct);
        });
        return new Command("user", "People who sign in to the web console") { create };
    }
}
