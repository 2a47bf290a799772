using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Network.Contracts;
using UniRetail.Network.Domain;
using UniRetail.Network.Persistence;
using UniRetail.Network.PickupPoints;

namespace UniRetail.Network.Agreements;

/// <summary>
/// The agreement from both sides: the shop reads and leaves its own; the platform lists its shops and reads what each
/// shares — sales by SKU for the days the shop was on the platform, nothing from after it left; its customers who
/// consented to sharing, while the agreement says the shop shares them. A shop that leaves stops being its platform's
/// pickup point in the same write.
/// </summary>
internal sealed class ShopAgreements(
    Database database, AgreementStore store, ITenantDirectory tenants, ISharedCustomers customers, ManagePickupPoints pickupPoints, ILocationRegistry locations,
    TimeProvider clock)
{
    public const int MaxSkus = 5_000;

    public async Task<Result<ShopAgreementView>> GetAsync(Caller shop, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        if (await database.ReadAsync(c => store.ActiveAsync(c, null, shop.Tenant), ct) is not { } row)
            return NetworkErrors.NotAShop();
        return ShopAgreementView.From(row, await PlatformNameAsync(row, ct));
    }

    /// <summary>The shop leaves: its data stays its own, the platform sees nothing it records from now on.</summary>
    public async Task<Result<ShopAgreementView>> LeaveAsync(Caller shop, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(shop);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var left = await database.WriteAsync<AgreementRow>(async session =>
        {
            if (await store.ActiveAsync(session.Connection, session.Transaction, shop.Tenant) is not { } row)
                return NetworkErrors.NotAShop();
            await store.LeaveAsync(session, shop.Tenant, row.AgreementId, now);
            // A pickup point stops taking parcels with the shop gone (those on their way can still be handed over).
            await pickupPoints.StopInAsync(session, new TenantId(row.PlatformId), row.AgreementId, now);
            return new AgreementRow
            {
                AgreementId = row.AgreementId, PlatformId = row.PlatformId, ShopId = row.ShopId, ShopName = row.ShopName, RepId = row.RepId,
                WarehouseId = row.WarehouseId, DeliveryDay = row.DeliveryDay, SharesCustomers = row.SharesCustomers, PickupPoint = row.PickupPoint,
                JoinedAtMs = row.JoinedAtMs, LeftAtMs = now,
            };
        }, ct);
        if (!left.IsSuccess)
            return left.Error;
        locations.Invalidate(new TenantId(left.Value.PlatformId));
        return ShopAgreementView.From(left.Value, await PlatformNameAsync(left.Value, ct));
    }

    /// <summary>The platform's shops, past and present, in the order they joined.</summary>
    public async Task<IReadOnlyList<AgreementView>> ListAsync(Caller platform, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        return [.. (await database.ReadAsync(c => store.OfPlatformAsync(c, platform.Tenant), ct)).Select(AgreementView.From)];
    }

    public async Task<Result<SharedSalesView>> SalesAsync(Caller platform, string agreementId, string? from, string? to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        var period = ReportPeriod.Parse(from, to);
        if (!period.IsSuccess)
            return period.Error;
        var (fromDate, toDate) = (period.Value.From, period.Value.To);
        if (await database.ReadAsync(c => store.OfPlatformAsync(c, platform.Tenant, agreementId), ct) is not { } agreement)
            return NetworkErrors.UnknownShop(agreementId, "agreementId");
        // Shared from the day the shop joined up to the day it left (that day and after are its own).
        var joined = DayOf(agreement.JoinedAtMs);
        var left = agreement.LeftAtMs is { } ms ? DayOf(ms) : int.MaxValue;
        var first = Math.Max(fromDate.DayNumber, joined);
        var last = Math.Min(toDate.DayNumber, left);
        var skus = first >= last
            ? []
            : await database.ReadAsync(c => store.SharedSalesAsync(c, new TenantId(agreement.ShopId), first, last, MaxSkus), ct);
        return new SharedSalesView(agreement.AgreementId, fromDate, toDate, [.. skus.Select(s => new SharedSkuSales(s.Sku, s.Units, s.Days))]);
    }

    /// <summary>
    /// The shop's customers who granted the <c>sharing</c> consent, a page at a time: only while the shop is on the
    /// platform and its agreement says it shares customers (a shop that left, or never agreed, shares nobody).
    /// </summary>
    public async Task<Result<Slice<SharedCustomer>>> CustomersAsync(Caller platform, string agreementId, PageQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(platform);
        if (await database.ReadAsync(c => store.OfPlatformAsync(c, platform.Tenant, agreementId), ct) is not { } agreement)
            return NetworkErrors.UnknownShop(agreementId, "agreementId");
        if (agreement.LeftAtMs is not null)
            return NetworkErrors.ShopLeft(agreementId);
        if (!agreement.SharesCustomers)
            return NetworkErrors.CustomersNotShared(agreementId);
        return await customers.ListAsync(new TenantId(agreement.ShopId), page, ct);
    }

    private static int DayOf(long ms) => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(ms).UtcDateTime).DayNumber;

    private async Task<string> PlatformNameAsync(AgreementRow row, CancellationToken ct) =>
        (await tenants.FindAsync(new TenantId(row.PlatformId), ct))?.Name ?? "";
}
