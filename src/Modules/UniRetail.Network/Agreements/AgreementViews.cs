using UniRetail.Network.Domain.Wholesale;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.Agreements;

/// <summary>What the shop and the platform agreed: the shop shares its sales by SKU always, its customers only when <c>sharesCustomers</c>.</summary>
public sealed record AgreementTermsRequest(string? RepId, string? WarehouseId, string? DeliveryDay, bool? SharesCustomers, bool? PickupPoint);

/// <summary>A shop as its platform sees it; <c>shopId</c> is the shop's tenant, <c>id</c> the agreement.</summary>
public sealed record AgreementView(
    string Id, string ShopId, string ShopName, string RepId, string WarehouseId, string DeliveryDay, bool SharesCustomers, bool PickupPoint,
    DateTimeOffset JoinedAt, DateTimeOffset? LeftAt)
{
    internal static AgreementView From(AgreementRow row) => new(
        row.AgreementId, row.ShopId, row.ShopName, row.RepId, row.WarehouseId, DeliveryDays.Name((DayOfWeek)row.DeliveryDay), row.SharesCustomers,
        row.PickupPoint, DateTimeOffset.FromUnixTimeMilliseconds(row.JoinedAtMs), row.LeftAtMs is { } left ? DateTimeOffset.FromUnixTimeMilliseconds(left) : null);
}

/// <summary>The agreement as the shop sees it: its platform by name, what it shares, its delivery day.</summary>
public sealed record ShopAgreementView(
    string Id, string Platform, string DeliveryDay, bool SharesSales, bool SharesCustomers, bool PickupPoint, DateTimeOffset JoinedAt, DateTimeOffset? LeftAt)
{
    internal static ShopAgreementView From(AgreementRow row, string platform) => new(
        row.AgreementId, platform, DeliveryDays.Name((DayOfWeek)row.DeliveryDay), true, row.SharesCustomers, row.PickupPoint,
        DateTimeOffset.FromUnixTimeMilliseconds(row.JoinedAtMs), row.LeftAtMs is { } left ? DateTimeOffset.FromUnixTimeMilliseconds(left) : null);
}

/// <summary>A new shop tenant on the platform: its agreement and its first admin key, shown this once.</summary>
public sealed record SignedUpShop(AgreementView Agreement, string AdminKey);

public sealed record SharedSkuSales(string Sku, long Units, long DaysWithSales);

/// <summary>A shop's sales by SKU over the days it was on the platform within [from, to).</summary>
public sealed record SharedSalesView(string ShopId, DateOnly From, DateOnly To, IReadOnlyList<SharedSkuSales> Skus);
