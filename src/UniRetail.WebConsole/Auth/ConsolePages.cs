using System.Security.Claims;
using MudBlazor;
using UniRetail.Kernel;
using UniRetail.Web;
using UniRetail.Web.Access;

namespace UniRetail.WebConsole.Auth;

/// <summary>A console page in the menu, shown to the roles whose API keys reach <see cref="ReadEndpoint"/>.</summary>
internal sealed record ConsolePageEntry(string Href, string Title, string Icon, string ReadEndpoint, bool StoreStaffOnly = false);

/// <summary>The console's pages and who sees them: the same role reach as the API (<see cref="RoleReach"/>).</summary>
internal static class ConsolePages
{
    public static readonly IReadOnlyList<ConsolePageEntry> All =
    [
        new("", "Today", Icons.Material.Filled.Insights, "Orders.List"),
        new("orders", "Orders", Icons.Material.Filled.Receipt, "Orders.List"),
        new("store", "Store desk", Icons.Material.Filled.Storefront, "Orders.StartPicking"),
        new("stock", "Stock", Icons.Material.Filled.Inventory, "Inventory.Levels"),
        new("catalog", "Catalog", Icons.Material.Filled.Category, "Catalog.ListProducts"),
        new("till", "Till", Icons.Material.Filled.PointOfSale, "Store.OpenTill"),
        new("bags", "Bags", Icons.Material.Filled.ShoppingBag, "Store.GetBag"),
        new("customers", "Customers", Icons.Material.Filled.People, "Marketing.Profiles.Find"),
        new("promotions", "Promotions", Icons.Material.Filled.LocalOffer, "Promotions.Create"),
        new("aipl", "AIPL", Icons.Material.Filled.FilterAlt, "Marketing.Aipl.Counts"),
        new("network", "Network", Icons.Material.Filled.Hub, "Network.ListShops"),
        new("shop", "Shop", Icons.Material.Filled.LocalShipping, "Shop.Agreement"),
        new("databank", "Data bank", Icons.Material.Filled.Storage, "Marketing.Events.List"),
        new("settings", "Settings", Icons.Material.Filled.Settings, "Locations.List"),
    ];

    public static IEnumerable<ConsolePageEntry> For(Caller? caller) => caller is null ? [] : All.Where(p => Access.Can(caller, p.ReadEndpoint));

    public static Caller? ToCallerOrNull(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.FindFirst(CallerClaims.Tenant) is not null ? user.ToCaller() : null;
}

/// <summary>What a signed-in user may do: exactly what an API key of their role may (the API's role reach table).</summary>
internal static class Access
{
    public static bool Can(Caller caller, string endpoint) => RoleReach.For(endpoint)?.Allows(caller.Role) == true;

    /// <summary>The reason a role cannot call an endpoint, as the API's 403 says it.</summary>
    public static string Refusal(Caller caller, string endpoint) =>
        $"The {Roles.ToName(caller.Role)} role cannot {RoleReach.For(endpoint)?.What ?? "do this"}.";
}
