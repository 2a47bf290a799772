using UniRetail.Kernel;

namespace UniRetail.Web.Access;

/// <summary>How far store staff reach at an endpoint their role may call.</summary>
public enum StoreStaffReach
{
    /// <summary>Store staff may not call it.</summary>
    None,
    /// <summary>Anything in the tenant (reads, and a member signing up at the till).</summary>
    Tenant,
    /// <summary>Only at the store their key is bound to; the handler checks the location the request names.</summary>
    OwnStore,
}

/// <summary>One endpoint: which roles may call it, how far store staff reach there, and what it does (for messages and the README).</summary>
public sealed record EndpointReach(string Endpoint, string What, StoreStaffReach StoreStaff, bool Marketer, bool Integration)
{
    /// <summary>True when <paramref name="role"/> may call the endpoint at all (store staff then within <see cref="StoreStaff"/>).</summary>
    public bool Allows(Role role) => role switch
    {
        Role.Admin => true,
        Role.Integration => Integration,
        Role.Marketer => Marketer,
        Role.StoreStaff => StoreStaff != StoreStaffReach.None,
        _ => false,
    };
}

/// <summary>
/// Every authenticated endpoint and the roles that reach it: the one place role access is decided. Admins reach
/// everything in their tenant; the authorization policy looks each request's endpoint up here and refuses (403) a role not
/// listed, and an endpoint missing from the table is refused to everyone (a test keeps the table complete). Store scope —
/// store staff act only at their own store — depends on the request's data and is checked by the handlers through
/// <see cref="Caller.EnsureCanActAt"/>.
/// </summary>
public static class RoleReach
{
    private const StoreStaffReach No = StoreStaffReach.None;
    private const StoreStaffReach Tenant = StoreStaffReach.Tenant;
    private const StoreStaffReach OwnStore = StoreStaffReach.OwnStore;

    public static readonly IReadOnlyList<EndpointReach> Table =
    [
        new("Tenant.Get", "read its tenant", Tenant, Marketer: true, Integration: true),
        new("Keys.Create", "create API keys", No, Marketer: false, Integration: false),
        new("Keys.List", "list API keys", No, Marketer: false, Integration: false),
        new("Keys.Revoke", "revoke API keys", No, Marketer: false, Integration: false),
        new("Locations.List", "list locations", Tenant, Marketer: true, Integration: true),
        new("Locations.Get", "read a location", Tenant, Marketer: true, Integration: true),
        new("Locations.Create", "create locations", No, Marketer: false, Integration: false),
        new("Locations.Update", "change locations", No, Marketer: false, Integration: false),

        new("Catalog.ListProducts", "read the catalog", Tenant, Marketer: true, Integration: true),
        new("Catalog.GetProduct", "read the catalog", Tenant, Marketer: true, Integration: true),
        new("Catalog.GetSku", "read the catalog", Tenant, Marketer: true, Integration: true),
        new("Catalog.FindSkuByGtin", "read the catalog", Tenant, Marketer: true, Integration: true),
        new("Catalog.GetSkuPrices", "read prices", Tenant, Marketer: true, Integration: true),
        new("Catalog.CreateProduct", "change the catalog", No, Marketer: false, Integration: true),
        new("Catalog.SetSkuPrice", "change prices", No, Marketer: false, Integration: true),
        new("Catalog.SetSkuActive", "change the catalog", No, Marketer: false, Integration: true),
        new("Catalog.SetPriceOverride", "change prices", No, Marketer: false, Integration: true),
        new("Catalog.RemovePriceOverride", "change prices", No, Marketer: false, Integration: true),
        new("Catalog.Import", "import the catalog", No, Marketer: false, Integration: true),

        new("Inventory.Levels", "read stock", Tenant, Marketer: true, Integration: true),
        new("Inventory.Atp", "read stock", Tenant, Marketer: true, Integration: true),
        new("Inventory.Ledger", "read the stock ledger", Tenant, Marketer: false, Integration: true),
        new("Inventory.LedgerCheck", "check the stock ledger", Tenant, Marketer: false, Integration: true),
        new("Inventory.Receive", "receive stock", OwnStore, Marketer: false, Integration: true),
        new("Inventory.Receipt", "read a stock receipt", Tenant, Marketer: false, Integration: true),
        new("Inventory.Adjust", "adjust stock", OwnStore, Marketer: false, Integration: true),
        new("Inventory.Transfer", "transfer stock", OwnStore, Marketer: false, Integration: true),
        new("Inventory.SafetyStock", "set safety stock", OwnStore, Marketer: false, Integration: true),
        new("Inventory.Hold", "hold stock for a cart", OwnStore, Marketer: false, Integration: true),
        new("Inventory.ConfirmHold", "confirm a cart's hold", OwnStore, Marketer: false, Integration: true),
        new("Inventory.ReleaseHold", "release a cart's hold", OwnStore, Marketer: false, Integration: true),

        new("Members.Register", "register members", Tenant, Marketer: false, Integration: true),
        new("Members.Get", "read members", Tenant, Marketer: true, Integration: true),
        new("Members.Lookup", "look members up", Tenant, Marketer: true, Integration: true),
        new("Members.ListMerges", "read member merges", Tenant, Marketer: true, Integration: true),
        new("Members.AddIdentifier", "change a member's identifiers", No, Marketer: false, Integration: true),
        new("Members.RemoveIdentifier", "change a member's identifiers", No, Marketer: false, Integration: true),
        new("Members.Merge", "merge members", No, Marketer: false, Integration: true),

        new("Loyalty.GetProgram", "read the loyalty program", Tenant, Marketer: true, Integration: true),
        new("Loyalty.SetProgram", "change the loyalty program", No, Marketer: false, Integration: false),
        new("Loyalty.Check", "check the loyalty ledger", Tenant, Marketer: false, Integration: true),
        new("Loyalty.GetMember", "read loyalty accounts", Tenant, Marketer: true, Integration: true),
        new("Loyalty.Adjust", "adjust points", No, Marketer: false, Integration: false),
        new("Loyalty.SetBirthday", "record a member's birthday", Tenant, Marketer: false, Integration: true),
        new("Loyalty.TopUpWallet", "top up wallets", OwnStore, Marketer: false, Integration: true),
        new("Loyalty.RecordVisit", "record store visits", OwnStore, Marketer: false, Integration: true),
        new("Loyalty.Quote", "quote benefits for a basket", OwnStore, Marketer: false, Integration: true),
        new("Loyalty.Redeem", "pay with points, coupons, wallet and gift cards", OwnStore, Marketer: false, Integration: true),
        new("Loyalty.Earn", "earn points for purchases", OwnStore, Marketer: false, Integration: true),
        new("Loyalty.Return", "reverse benefits for returns", OwnStore, Marketer: false, Integration: true),
        new("Loyalty.CreateCampaign", "create coupon campaigns", No, Marketer: true, Integration: true),
        new("Loyalty.ListCampaigns", "read coupon campaigns", Tenant, Marketer: true, Integration: true),
        new("Loyalty.GetCampaign", "read coupon campaigns", Tenant, Marketer: true, Integration: true),
        new("Loyalty.IssueCode", "issue coupon codes", No, Marketer: true, Integration: true),
        new("Loyalty.IssueGiftCard", "sell gift cards", OwnStore, Marketer: false, Integration: true),
        new("Loyalty.GetGiftCard", "read gift card balances", Tenant, Marketer: false, Integration: true),

        new("Orders.Place", "place orders", OwnStore, Marketer: false, Integration: true),
        new("Orders.List", "read orders", Tenant, Marketer: true, Integration: true),
        new("Orders.Get", "read orders", Tenant, Marketer: true, Integration: true),
        new("Orders.ConfirmPayment", "confirm payments", OwnStore, Marketer: false, Integration: true),
        new("Orders.StartPicking", "pick orders", OwnStore, Marketer: false, Integration: true),
        new("Orders.ReadyForPickup", "make orders ready for pickup", OwnStore, Marketer: false, Integration: true),
        new("Orders.Ship", "ship orders", OwnStore, Marketer: false, Integration: true),
        new("Orders.Dispatch", "dispatch deliveries", OwnStore, Marketer: false, Integration: true),
        new("Orders.Complete", "complete orders", OwnStore, Marketer: false, Integration: true),
        new("Orders.Cancel", "cancel orders", OwnStore, Marketer: false, Integration: true),
        new("Orders.Return", "take returns", OwnStore, Marketer: false, Integration: true),

        new("Marketing.Sources.Create", "create event sources", No, Marketer: false, Integration: false),
        new("Marketing.Sources.List", "list event sources", No, Marketer: false, Integration: false),
        new("Marketing.Sources.RotateKey", "rotate write keys", No, Marketer: false, Integration: false),
        new("Marketing.Sources.RevokeKey", "revoke write keys", No, Marketer: false, Integration: false),
        new("Marketing.Events.List", "read the event bank", No, Marketer: true, Integration: false),
        new("Marketing.Profiles.Find", "read profiles", No, Marketer: true, Integration: false),
        new("Marketing.Profiles.Show", "read profiles", No, Marketer: true, Integration: false),
        new("Marketing.Profiles.Identities", "read profiles", No, Marketer: true, Integration: false),
        new("Marketing.Profiles.Timeline", "read profiles", No, Marketer: true, Integration: false),
        new("Marketing.Profiles.Merges", "read profiles", No, Marketer: true, Integration: false),
        new("Marketing.Profiles.Joins", "read profiles", No, Marketer: true, Integration: false),
        new("Marketing.Profiles.Consent", "read consent", No, Marketer: true, Integration: false),
        new("Marketing.Profiles.RecordConsent", "record consent", No, Marketer: false, Integration: true),
        new("Marketing.Profiles.Consented", "list consented audiences", No, Marketer: true, Integration: false),
        new("Marketing.Merges.Undo", "undo merges", No, Marketer: false, Integration: false),
        new("Marketing.Joins.Undo", "undo joins", No, Marketer: false, Integration: false),
        new("Marketing.IdentityRules.Get", "read identity rules", No, Marketer: true, Integration: false),
        new("Marketing.IdentityRules.Set", "change identity rules", No, Marketer: false, Integration: false),
        new("Marketing.Restitch.Start", "re-stitch profiles", No, Marketer: false, Integration: false),
        new("Marketing.Restitch.Status", "read the re-stitch", No, Marketer: true, Integration: false),
        new("Marketing.Privacy.Export", "export a person's data", No, Marketer: false, Integration: false),
        new("Marketing.Privacy.Erase", "erase a person", No, Marketer: false, Integration: false),
        new("Marketing.Privacy.Erasures", "read the erasure log", No, Marketer: false, Integration: false),
        // Consumer assets (AIPL, FAST, GROW, the GMV forecast): counts, never a person's events, except the profile's own stages.
        new("Marketing.Aipl.Counts", "read consumer assets", No, Marketer: true, Integration: false),
        new("Marketing.Aipl.Flow", "read consumer assets", No, Marketer: true, Integration: false),
        new("Marketing.Aipl.History", "read consumer assets", No, Marketer: true, Integration: false),
        new("Marketing.Aipl.Snapshot", "take consumer-asset snapshots", No, Marketer: true, Integration: false),
        new("Marketing.Aipl.Profile", "read profiles", No, Marketer: true, Integration: false),
        new("Marketing.Aipl.Rules", "read consumer-asset rules", No, Marketer: true, Integration: false),
        new("Marketing.Aipl.SetRules", "change consumer-asset rules", No, Marketer: true, Integration: false),
        new("Marketing.Fast", "read consumer assets", No, Marketer: true, Integration: false),
        new("Marketing.Grow", "read consumer assets", No, Marketer: true, Integration: false),
        new("Marketing.Forecast.Gmv", "read consumer assets", No, Marketer: true, Integration: false),
        new("Marketing.Forecast.Target", "read consumer assets", No, Marketer: true, Integration: false),
        new("Marketing.Forecast.Backtest", "read consumer assets", No, Marketer: true, Integration: false),

        // Marketers run promotions; every role reads them (the till shows them, an integration syncs them); every role
        // that sells may price, and a marketer previews a promotion on a sample basket. Store staff price at their own store.
        new("Promotions.List", "read promotions", Tenant, Marketer: true, Integration: true),
        new("Promotions.Get", "read promotions", Tenant, Marketer: true, Integration: true),
        new("Promotions.Create", "change promotions", No, Marketer: true, Integration: false),
        new("Promotions.Update", "change promotions", No, Marketer: true, Integration: false),
        new("Promotions.Deactivate", "change promotions", No, Marketer: true, Integration: false),
        new("Promotions.PriceBasket", "price baskets", OwnStore, Marketer: true, Integration: true),

        // A shop's reorder settings, sales and suggested order: its staff at their own shop, its till or back office.
        new("Shop.ConfigureSku", "set a shop's reorder settings", OwnStore, Marketer: false, Integration: true),
        new("Shop.RecordSales", "record a shop's daily sales", OwnStore, Marketer: false, Integration: true),
        new("Shop.Replenishment", "read a shop's suggested order", OwnStore, Marketer: false, Integration: true),
        // The shop and its platform: the shop's admin leaves; its back office or till orders and receives (staff at their own
        // shop) and reads the platform's catalog; the shop's marketer reads what it shares.
        new("Shop.Agreement", "read the shop's agreement", Tenant, Marketer: true, Integration: true),
        new("Shop.LeavePlatform", "leave the platform", No, Marketer: false, Integration: false),
        new("Shop.WholesaleCatalog", "read the platform's wholesale catalog", Tenant, Marketer: false, Integration: true),
        new("Shop.MapWholesaleSku", "map wholesale SKUs to the shop's own", No, Marketer: false, Integration: true),
        new("ShopOrders.Place", "order from the platform", OwnStore, Marketer: false, Integration: true),
        new("ShopOrders.List", "read shop orders", Tenant, Marketer: false, Integration: true),
        new("ShopOrders.Get", "read shop orders", Tenant, Marketer: false, Integration: true),
        new("ShopOrders.Receive", "receive shop orders", OwnStore, Marketer: false, Integration: true),
        // The platform: its admin adds representatives; a rep's app (integration) signs shops up; the catalog is kept by an
        // integration; marketers read the shops and what they share; commission is the admin's and the payroll integration's.
        new("Network.CreateRep", "add field representatives", No, Marketer: false, Integration: false),
        new("Network.ListReps", "read field representatives", No, Marketer: true, Integration: true),
        new("Network.SignUpShop", "sign shops up", No, Marketer: false, Integration: true),
        new("Network.ListShops", "read the platform's shops", No, Marketer: true, Integration: true),
        new("Network.ShopSales", "read what shops share", No, Marketer: true, Integration: true),
        new("Network.ShopCustomers", "read the customers shops share", No, Marketer: true, Integration: true),
        new("Network.SetWholesaleItem", "change the wholesale catalog", No, Marketer: false, Integration: true),
        new("Network.ListWholesale", "read the wholesale catalog", Tenant, Marketer: true, Integration: true),
        new("Network.Commission", "read the commission report", No, Marketer: false, Integration: true),
        // Assortment and display advice: the shop's staff at their own shop and its back office; the platform's marketers and
        // its representatives' app read a shop's advice and refresh the profiles similar shops are found by.
        new("Shop.Advice", "read a shop's assortment and display advice", OwnStore, Marketer: true, Integration: true),
        new("Network.ShopAdvice", "read a shop's advice", No, Marketer: true, Integration: true),
        new("Network.RefreshAdvice", "refresh shop profiles", No, Marketer: false, Integration: true),
        // Shops as pickup points: the platform's admin sets a point's terms; its online shop (integration) finds points near a
        // customer; the fee report is the admin's and the payroll integration's. At the shop, the counter staff (any store
        // staff of the shop: a parcel is at the counter, not at a store location of the shop) list, receive and hand over.
        new("Network.SetPickupPoint", "make shops pickup points", No, Marketer: false, Integration: false),
        new("Network.StopPickupPoint", "stop shops being pickup points", No, Marketer: false, Integration: false),
        new("Network.PickupPoints", "read the pickup points", No, Marketer: true, Integration: true),
        new("Network.NearbyPickupPoints", "find pickup points near a customer", Tenant, Marketer: true, Integration: true),
        new("Network.PickupFees", "read the pickup fee report", No, Marketer: false, Integration: true),
        new("Shop.Parcels", "read the shop's parcels", Tenant, Marketer: false, Integration: true),
        new("Shop.ParcelArrived", "receive parcels at the counter", Tenant, Marketer: false, Integration: true),
        new("Shop.HandOverParcel", "hand parcels over", Tenant, Marketer: false, Integration: true),
        new("Shop.ReturnParcel", "send parcels back", Tenant, Marketer: false, Integration: true),
        new("Shop.PickupFees", "read the shop's pickup fees", No, Marketer: false, Integration: true),
        // The member's app (an integration key acting for it) asks for a member code and its images; tills scan it and run sessions.
        new("Store.IssueMemberCode", "issue member codes", No, Marketer: false, Integration: true),
        new("Store.MemberCodeImage", "draw member codes", No, Marketer: false, Integration: true),
        new("Store.ScanMemberCode", "scan member codes", OwnStore, Marketer: false, Integration: false),
        new("Store.OpenTill", "open tills", OwnStore, Marketer: false, Integration: false),
        new("Store.CurrentTillSession", "read till sessions", OwnStore, Marketer: false, Integration: false),
        new("Store.GetTillSession", "read till sessions", OwnStore, Marketer: false, Integration: false),
        new("Store.MoveCash", "move cash in tills", OwnStore, Marketer: false, Integration: false),
        new("Store.CloseTill", "close tills", OwnStore, Marketer: false, Integration: false),
        new("Store.Checkout", "sell at tills", OwnStore, Marketer: false, Integration: false),
        new("Store.TillReturn", "take returns at tills", OwnStore, Marketer: false, Integration: false),
        new("Store.GetReceipt", "read till receipts", OwnStore, Marketer: false, Integration: false),
        new("Store.ListDiscrepancies", "read stock discrepancies", OwnStore, Marketer: false, Integration: false),
        // Scan-to-bag: the entrance scanner and the store's staff at their own store, the member's app (naming its member) anywhere.
        new("Store.StartBag", "start bags", OwnStore, Marketer: false, Integration: true),
        new("Store.ListBags", "list a store's open bags", OwnStore, Marketer: false, Integration: false),
        new("Store.GetBag", "read bags", OwnStore, Marketer: false, Integration: true),
        new("Store.ScanIntoBag", "scan into bags", OwnStore, Marketer: false, Integration: true),
        new("Store.SetBagLine", "change bag lines", OwnStore, Marketer: false, Integration: true),
        new("Store.RemoveBagLine", "change bag lines", OwnStore, Marketer: false, Integration: true),
        new("Store.RefreshComplements", "refresh complements", No, Marketer: false, Integration: true),
    ];

    private static readonly Dictionary<string, EndpointReach> ByEndpoint = Table.ToDictionary(r => r.Endpoint, StringComparer.Ordinal);

    /// <summary>The endpoint's entry, or null when the table does not list it (then nobody may call it).</summary>
    public static EndpointReach? For(string? endpoint) => endpoint is not null && ByEndpoint.TryGetValue(endpoint, out var reach) ? reach : null;
}
