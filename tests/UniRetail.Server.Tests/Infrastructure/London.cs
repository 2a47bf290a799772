namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>A named point in London. Road distances aside, as the crow flies (km): CG–CM 3.2, CG–GR 8.7, CG–PR 10.5.</summary>
public sealed record Place(string Code, string Name, double Latitude, double Longitude);

/// <summary>Real places for locations and customers, so routing decisions can be checked by hand on a map.</summary>
public static class London
{
    public static readonly Place ParkRoyal = new("PR01", "Park Royal warehouse", 51.5270, -0.2750);
    public static readonly Place CoventGarden = new("CG01", "Covent Garden", 51.5129, -0.1243);
    public static readonly Place Camden = new("CM01", "Camden Town", 51.5390, -0.1426);
    public static readonly Place Greenwich = new("GR01", "Greenwich", 51.4826, -0.0077);

    /// <summary>A customer 3.5 km from Covent Garden, 4.7 from Camden, 6.9 from Greenwich, 13.6 from Park Royal.</summary>
    public static readonly Place Shoreditch = new("", "Shoreditch", 51.5265, -0.0780);

    /// <summary>A customer 2.7 km from Camden and 3.0 km from Covent Garden.</summary>
    public static readonly Place Islington = new("", "Islington", 51.5362, -0.1033);

    /// <summary>A customer 2.2 km from Park Royal and about 10 km from every store: the warehouse ships to them.</summary>
    public static readonly Place Acton = new("", "Acton", 51.5076, -0.2680);

    /// <summary>A customer more than 11 km from every store.</summary>
    public static readonly Place Wimbledon = new("", "Wimbledon", 51.4214, -0.2064);
}
