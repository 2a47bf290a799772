using UniRetail.Identity.Locations;

namespace UniRetail.Cli.Demo;

/// <summary>A London retailer: a distribution centre in Dartford and eleven stores at their real positions.</summary>
internal static class DemoCity
{
    public static readonly (double Latitude, double Longitude) Centre = (51.5074, -0.1278);

    private static readonly Dictionary<string, string> StoreHours = new()
    {
        ["monday"] = "08:00-22:00", ["tuesday"] = "08:00-22:00", ["wednesday"] = "08:00-22:00", ["thursday"] = "08:00-22:00",
        ["friday"] = "08:00-22:00", ["saturday"] = "09:00-21:00", ["sunday"] = "10:00-18:00",
    };

    public static IReadOnlyList<LocationRequest> Locations { get; } =
    [
        new("DC-DARTFORD", "Dartford Distribution Centre", "warehouse", "Crossways Business Park, Dartford DA2 6QQ", 51.4578, 0.2545, "Europe/London", null, true, false, 0, null),
        Store("ST-COVENT", "Covent Garden", "12 Long Acre, London WC2E 9LH", 51.5129, -0.1243, 3.0),
        Store("ST-OXFORD", "Oxford Circus", "260 Oxford St, London W1C 1DD", 51.5152, -0.1419, 3.0),
        Store("ST-KINGSX", "King's Cross", "Pancras Square, London N1C 4AG", 51.5336, -0.1259, 3.0),
        Store("ST-CANARY", "Canary Wharf", "Cabot Place, London E14 4QT", 51.5054, -0.0235, 4.0),
        Store("ST-SHORED", "Shoreditch", "Boxpark, 2-10 Bethnal Green Rd, London E1 6GY", 51.5235, -0.0757, 3.0),
        Store("ST-ANGEL", "Angel Islington", "N1 Centre, Parkfield St, London N1 0PS", 51.5346, -0.1058, 3.0),
        Store("ST-CAMDEN", "Camden Town", "Camden High St, London NW1 7JE", 51.5390, -0.1426, 3.0),
        Store("ST-CLAPHAM", "Clapham Junction", "St John's Rd, London SW11 1PW", 51.4642, -0.1676, 4.0),
        Store("ST-STRATFORD", "Stratford", "Westfield Stratford City, London E20 1EJ", 51.5432, -0.0064, 5.0),
        Store("ST-RICHMOND", "Richmond", "George St, Richmond TW9 1HY", 51.4613, -0.3037, 5.0),
        Store("ST-GREENWICH", "Greenwich", "Greenwich Church St, London SE10 9BL", 51.4816, -0.0098, 4.0),
    ];

    private static LocationRequest Store(string code, string name, string address, double latitude, double longitude, double radiusKm) =>
        new(code, name, "store", address, latitude, longitude, "Europe/London", StoreHours, true, true, radiusKm, 600);
}
