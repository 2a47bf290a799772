using UniRetail.Fulfillment.Contracts;
using UniRetail.Fulfillment.Sourcing;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;

namespace UniRetail.Fulfillment.Tests;

/// <summary>Places in London, and a Monday afternoon when the stores are open.</summary>
internal static class London
{
    public static readonly GeoPoint Soho = GeoPoint.FromStored(51.5136, -0.1365);
    public static readonly GeoPoint Islington = GeoPoint.FromStored(51.5362, -0.1033);

    public static readonly DateTimeOffset MondayAfternoon = new(2026, 11, 23, 14, 0, 0, TimeSpan.Zero);
    public static readonly DateTimeOffset MondayNight = new(2026, 11, 23, 23, 30, 0, TimeSpan.Zero);

    public static LocationBuilder CoventGarden => LocationBuilder.AStore("CG01").At(51.5117, -0.1240);
    public static LocationBuilder OxfordStreet => LocationBuilder.AStore("OX01").At(51.5154, -0.1419);
    public static LocationBuilder Shoreditch => LocationBuilder.AStore("SH01").At(51.5265, -0.0780);
    public static LocationBuilder Brixton => LocationBuilder.AStore("BX01").At(51.4613, -0.1156);
    public static LocationBuilder KingsCross => LocationBuilder.APartnerShop("KX01").At(51.5308, -0.1238);
    public static LocationBuilder Dartford => LocationBuilder.AWarehouse("WH01").At(51.4440, 0.2190);
    public static LocationBuilder MiltonKeynes => LocationBuilder.AWarehouse("WH02").At(52.0406, -0.7594);
}

internal sealed class LocationBuilder
{
    private static readonly OpeningHours StoreHours = Hours("08:00-22:00");

    private readonly Dictionary<Sku, int> _available = [];
    private readonly Dictionary<Sku, int> _onShelf = [];
    private readonly string _code;
    private readonly LocationKind _kind;
    private GeoPoint _position = GeoPoint.FromStored(51.5074, -0.1278);
    private OpeningHours _hours;
    private bool _ships = true;
    private bool _pickup;
    private double _deliveryRadiusKm;
    private int? _dailyCapacity;
    private int _acceptedToday;

    private LocationBuilder(string code, LocationKind kind, OpeningHours hours, bool pickup)
    {
        _code = code;
        _kind = kind;
        _hours = hours;
        _pickup = pickup;
    }

    public static LocationBuilder AStore(string code) => new(code, LocationKind.Store, StoreHours, pickup: true);

    public static LocationBuilder APartnerShop(string code) => new(code, LocationKind.PartnerShop, StoreHours, pickup: true);

    public static LocationBuilder AWarehouse(string code) => new(code, LocationKind.Warehouse, OpeningHours.AlwaysOpen, pickup: false);

    /// <summary>A network shop's counter: takes parcels, holds no stock, ships nothing.</summary>
    public static LocationBuilder APickupPoint(string code) => new LocationBuilder(code, LocationKind.PickupPoint, StoreHours, pickup: true).NotShipping();

    public static LocationId IdOf(string code) => new($"loc_{code}");

    public LocationBuilder At(double latitude, double longitude)
    {
        _position = GeoPoint.FromStored(latitude, longitude);
        return this;
    }

    /// <summary>Units free to promise: what shipping, pickup and delivery may use (and on the shelf too).</summary>
    public LocationBuilder WithStock(string sku, int available)
    {
        _available[Sku.FromStored(sku)] = available;
        _onShelf[Sku.FromStored(sku)] = _onShelf.GetValueOrDefault(Sku.FromStored(sku)) + available;
        return this;
    }

    /// <summary>Units held back as safety stock: on the shelf, not available.</summary>
    public LocationBuilder WithSafetyStock(string sku, int units)
    {
        _onShelf[Sku.FromStored(sku)] = _onShelf.GetValueOrDefault(Sku.FromStored(sku)) + units;
        return this;
    }

    /// <summary>Open only on Sundays, so closed on the Monday the tests run.</summary>
    public LocationBuilder ClosedOnMondays()
    {
        _hours = OpeningHours.Parse(new Dictionary<string, string> { ["sunday"] = "10:00-16:00" }).Value;
        return this;
    }

    public LocationBuilder NotShipping()
    {
        _ships = false;
        return this;
    }

    public LocationBuilder WithoutPickup()
    {
        _pickup = false;
        return this;
    }

    public LocationBuilder DeliveringWithin(double km)
    {
        _deliveryRadiusKm = km;
        return this;
    }

    public LocationBuilder WithDailyCapacity(int capacity, int acceptedToday)
    {
        _dailyCapacity = capacity;
        _acceptedToday = acceptedToday;
        return this;
    }

    public LocationBuilder WithAcceptedToday(int acceptedToday)
    {
        _acceptedToday = acceptedToday;
        return this;
    }

    public SourcingCandidate Build() => new(
        new LocationInfo(IdOf(_code), _code, $"UniRetail {_code}", _kind, "London", _position, "Europe/London", _hours,
            _ships, _pickup, _deliveryRadiusKm, _dailyCapacity),
        new Dictionary<Sku, int>(_available),
        new Dictionary<Sku, int>(_onShelf),
        _acceptedToday);

    private static OpeningHours Hours(string everyDay) =>
        OpeningHours.Parse(new[] { "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday" }
            .ToDictionary(day => day, _ => everyDay)).Value;
}

internal sealed class OrderBuilder
{
    private readonly List<SourcingLine> _lines = [];
    private FulfilmentType _type = FulfilmentType.ShipToHome;
    private GeoPoint? _destination;
    private LocationId? _store;
    private DateTimeOffset _at = London.MondayAfternoon;

    public static OrderBuilder AnOrder() => new();

    public OrderBuilder WithLine(string sku, int quantity)
    {
        _lines.Add(new SourcingLine(Sku.FromStored(sku), Quantity.FromStored(quantity)));
        return this;
    }

    public OrderBuilder ShippedTo(GeoPoint? destination) => As(FulfilmentType.ShipToHome, destination, null);

    public OrderBuilder DeliveredSameDayTo(GeoPoint? destination) => As(FulfilmentType.SameDayDelivery, destination, null);

    public OrderBuilder PickedUpAt(string? storeCode) => As(FulfilmentType.PickupInStore, null, storeCode);

    public OrderBuilder SoldAtTheTillIn(string? storeCode) => As(FulfilmentType.InStorePurchase, null, storeCode);

    public OrderBuilder SoldFromTheEndlessAisleIn(string? storeCode, GeoPoint? destination = null) =>
        As(FulfilmentType.EndlessAisle, destination, storeCode);

    public OrderBuilder At(DateTimeOffset instant)
    {
        _at = instant;
        return this;
    }

    public Result<SourcingDecision> SourcedFrom(params LocationBuilder[] locations) =>
        SourcingPolicy.Decide(Build(), locations.Select(l => l.Build()).ToList());

    public SourcingRequest Build() => new(_type, _lines, _destination, _store, _at);

    private OrderBuilder As(FulfilmentType type, GeoPoint? destination, string? storeCode)
    {
        _type = type;
        _destination = destination;
        _store = storeCode is null ? null : LocationBuilder.IdOf(storeCode);
        return this;
    }
}

internal static class DecisionAssertions
{
    /// <summary>The allocations as "CODE SKU×N" strings, in order, for compact assertions.</summary>
    public static string[] Picks(this Result<SourcingDecision> result) =>
        result.Value.Allocations.Select(a => $"{a.Location.Value["loc_".Length..]} {a.Sku}x{a.Quantity}").ToArray();

    public static CandidateConsidered Candidate(this Result<SourcingDecision> result, string code) =>
        result.Value.Explanation.Candidates.Single(c => c.Code == code);

    public static string? WhyNot(this Result<SourcingDecision> result, string code) => result.Candidate(code).WhyNot;
}
