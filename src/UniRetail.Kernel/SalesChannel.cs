namespace UniRetail.Kernel;

/// <summary>Where an order was taken.</summary>
public enum SalesChannel
{
    /// <summary>The web shop.</summary>
    Web,
    /// <summary>The mobile app.</summary>
    App,
    /// <summary>A store till.</summary>
    Pos,
    /// <summary>The shopper scanned and paid on their phone in a store.</summary>
    ScanAndGo,
    /// <summary>A third-party marketplace (Tmall, Amazon, ...).</summary>
    Marketplace,
}

/// <summary>Channel names as written in the API: <c>web</c>, <c>app</c>, <c>pos</c>, <c>scan_and_go</c>, <c>marketplace</c>.</summary>
public static class SalesChannels
{
    /// <summary>The API name of a channel.</summary>
    public static string ToName(SalesChannel channel) => channel switch
    {
        SalesChannel.Web => "web",
        SalesChannel.App => "app",
        SalesChannel.Pos => "pos",
        SalesChannel.ScanAndGo => "scan_and_go",
        SalesChannel.Marketplace => "marketplace",
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };

    /// <summary>Parses an API channel name.</summary>
    public static Result<SalesChannel> Parse(string? name, string field = "channel") => name?.Trim().ToLowerInvariant() switch
    {
        "web" => SalesChannel.Web,
        "app" => SalesChannel.App,
        "pos" => SalesChannel.Pos,
        "scan_and_go" => SalesChannel.ScanAndGo,
        "marketplace" => SalesChannel.Marketplace,
        _ => Error.Validation("orders.unknown_channel", $"'{name}' is not a channel (web, app, pos, scan_and_go, marketplace).", field),
    };
}
