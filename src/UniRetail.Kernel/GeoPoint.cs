namespace UniRetail.Kernel;

/// <summary>A WGS 84 position.</summary>
public readonly record struct GeoPoint
{
    private const double EarthRadiusKm = 6371.0088;

    private GeoPoint(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }

    /// <summary>Degrees north, −90 to 90.</summary>
    public double Latitude { get; }

    /// <summary>Degrees east, −180 to 180.</summary>
    public double Longitude { get; }

    /// <summary>A position, validated.</summary>
    public static Result<GeoPoint> Of(double latitude, double longitude, string field = "latitude")
    {
        if (double.IsNaN(latitude) || latitude is < -90 or > 90)
            return Error.Validation("geo.bad_latitude", "Latitude must be between -90 and 90.", field);
        if (double.IsNaN(longitude) || longitude is < -180 or > 180)
            return Error.Validation("geo.bad_longitude", "Longitude must be between -180 and 180.", field.Replace("latitude", "longitude", StringComparison.Ordinal));
        return new GeoPoint(latitude, longitude);
    }

    /// <summary>A position read back from storage.</summary>
    public static GeoPoint FromStored(double latitude, double longitude) => new(latitude, longitude);

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public double DistanceKmTo(GeoPoint other)
    {
        var dLat = ToRadians(other.Latitude - Latitude);
        var dLon = ToRadians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) +
                Math.Cos(ToRadians(Latitude)) * Math.Cos(ToRadians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static double ToRadians(double degrees) => degrees * Math.PI / 180;
}
