using UniRetail.Web;

namespace UniRetail.Network.PickupPoints;

/// <summary>
/// Makes a shop of the platform a pickup point, or changes its terms: where its counter is, when it is open, how many
/// parcels it takes a day, the fee a parcel handed over earns it, and the days a parcel waits before it may go back (default 7).
/// </summary>
public sealed record PickupPointRequest(
    string? Address, double? Latitude, double? Longitude, string? TimeZone, Dictionary<string, string>? OpeningHours,
    int? ParcelCapacity, decimal? FeePerParcel, int? HoldDays);

/// <summary>A shop as a pickup point of its platform; <c>locationId</c> is the storeId an online order names to be collected there.</summary>
public sealed record PickupPointView(
    string AgreementId, string ShopId, string ShopName, string LocationId, string Code, bool Active, string Address, double Latitude, double Longitude,
    string TimeZone, IReadOnlyDictionary<string, string> OpeningHours, int ParcelCapacity, MoneyView FeePerParcel, int HoldDays);

/// <summary>A pickup point near the customer: how far, whether it is open now, and how many parcels it still takes today.</summary>
public sealed record NearbyPickupPoint(
    string LocationId, string Code, string ShopName, string Address, double Latitude, double Longitude, double DistanceKm, string TimeZone,
    IReadOnlyDictionary<string, string> OpeningHours, bool OpenNow, int ParcelCapacity, int ParcelsLeftToday);

public sealed record NearbyPickupPoints(double Latitude, double Longitude, IReadOnlyList<NearbyPickupPoint> Points);

/// <summary>
/// A parcel as the shop's counter sees it: no customer data, no order content — the label printed on the parcel (the
/// end of the platform's order id), where it is, and what can be done with it.
/// </summary>
public sealed record ParcelView(
    string Id, string Label, string Status, DateTimeOffset PlacedAt, DateTimeOffset? ArrivedAt, DateTimeOffset? HandedOverAt, DateTimeOffset? ReturnedAt,
    DateTimeOffset? ReturnableFrom, bool OrderCancelled, int AttemptsLeft, MoneyView? Fee);

public sealed record ParcelList(IReadOnlyList<ParcelView> Parcels);

/// <summary>The customer's handover code as the counter typed it (eight digits; spaces and dashes ignored).</summary>
public sealed record HandoverRequest(string? Code);

/// <summary>One shop's parcels handed over in the period and the fees they earned it.</summary>
public sealed record ShopPickupFees(string ShopId, string ShopName, long Parcels, MoneyView Fees);

public sealed record PlatformPickupFees(DateOnly From, DateOnly To, long Parcels, MoneyView Fees, IReadOnlyList<ShopPickupFees> Shops);

/// <summary>What a platform owes the shop for parcels handed over in the period.</summary>
public sealed record PlatformFeesOfShop(string PlatformId, string Platform, long Parcels, MoneyView Fees);

public sealed record OwnPickupFees(DateOnly From, DateOnly To, IReadOnlyList<PlatformFeesOfShop> Platforms);
