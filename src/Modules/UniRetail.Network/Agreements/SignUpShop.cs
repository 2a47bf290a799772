using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Domain.Wholesale;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.Agreements;

/// <summary>A representative signs a new shop up: a tenant of its own (its stock, till, customers and keys) and its agreement.</summary>
public sealed record SignUpShopRequest(
    string? Name, string? Currency, string? RepId, string? WarehouseId, string? DeliveryDay, bool? SharesCustomers, bool? PickupPoint);

/// <summary>
/// Puts shops on a platform: a new shop tenant with its first admin key and its agreement in one write (HTTP), or an
/// existing tenant linked by the operator (the CLI). A shop is on one platform at a time.
/// </summary>
internal sealed class SignUpShop(Database database, AgreementStore store, ITenantProvisioning tenants, ITenantDirectory directory, ILocationDirectory locations, TimeProvider clock)
{
    public async Task<Result<SignedUpShop>> SignUpAsync(Caller platform, SignUpShopRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > ManageReps.MaxNameLength || name.Any(char.IsControl))
            return NetworkErrors.BadName("name");
        var terms = await TermsAsync(platform.Tenant, new AgreementTermsRequest(request.RepId, request.WarehouseId, request.DeliveryDay, request.SharesCustomers, request.PickupPoint), ct);
        if (!terms.IsSuccess)
            return terms.Error;
        return await database.WriteAsync<SignedUpShop>(async session =>
        {
            var shop = await tenants.CreateAsync(session, name, request.Currency, ct);
            if (!shop.IsSuccess)
                return shop.Error;
            var row = terms.Value(shop.Value.TenantId, name);
            await store.TryInsertAgreementAsync(session, row);
            return new SignedUpShop(AgreementView.From(row), shop.Value.AdminKey);
        }, ct);
    }

    /// <summary>Links an existing tenant to the platform as a shop (the operator's CLI; the shop's own consent is outside the API).</summary>
    public async Task<Result<AgreementView>> LinkAsync(TenantId platform, TenantId shop, AgreementTermsRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (platform == shop)
            return NetworkErrors.OwnPlatform();
        if (await directory.FindAsync(shop, ct) is not { } shopTenant)
            return NetworkErrors.UnknownShop(shop.Value, "shop");
        var terms = await TermsAsync(platform, request, ct);
        if (!terms.IsSuccess)
            return terms.Error;
        var row = terms.Value(shop, shopTenant.Name);
        return await database.WriteAsync<AgreementView>(async session =>
            await store.TryInsertAgreementAsync(session, row) ? AgreementView.From(row) : NetworkErrors.AlreadyOnAPlatform(), ct);
    }

    /// <summary>Checks the terms in the platform's tenant; the agreement row for a given shop, or the first problem.</summary>
    private async Task<Result<Func<TenantId, string, AgreementRow>>> TermsAsync(TenantId platform, AgreementTermsRequest request, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.RepId))
            return NetworkErrors.Required("repId");
        if (await database.ReadAsync(c => store.RepAsync(c, null, platform, request.RepId.Trim()), ct) is not { } rep)
            return NetworkErrors.UnknownRep(request.RepId, "repId");
        if (string.IsNullOrWhiteSpace(request.WarehouseId))
            return NetworkErrors.Required("warehouseId");
        var warehouse = await locations.FindAsync(platform, new LocationId(request.WarehouseId.Trim()), ct);
        if (warehouse is null)
            return NetworkErrors.UnknownLocation(new LocationId(request.WarehouseId), "warehouseId");
        if (warehouse.Kind != LocationKind.Warehouse)
            return NetworkErrors.NotAWarehouse(request.WarehouseId, "warehouseId");
        var day = DeliveryDays.Parse(request.DeliveryDay ?? "monday");
        if (!day.IsSuccess)
            return day.Error;
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return new Func<TenantId, string, AgreementRow>((shop, shopName) => new AgreementRow
        {
            AgreementId = NewId.With("agr"), PlatformId = platform.Value, ShopId = shop.Value, ShopName = shopName, RepId = rep.RepId,
            WarehouseId = warehouse.Id.Value, DeliveryDay = (int)day.Value, SharesCustomers = request.SharesCustomers ?? false,
            PickupPoint = request.PickupPoint ?? false, JoinedAtMs = now,
        });
    }
}
