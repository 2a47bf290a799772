using UniRetail.Kernel;

namespace UniRetail.Marketing.Domain;

/// <summary>The touchpoint a source collects from; every stored event records it.</summary>
internal enum SourceKind
{
    Web,
    App,
    Store,
    Pos,
    Social,
    Content,
    Ads,
    /// <summary>Written by the commerce modules themselves (orders), never through a write key.</summary>
    Commerce,
}

internal static class SourceKinds
{
    public static string ToName(SourceKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>A kind a write key can be issued for (not <c>commerce</c>, which the platform writes itself).</summary>
    public static Result<SourceKind> Parse(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "web" => SourceKind.Web,
        "app" => SourceKind.App,
        "store" => SourceKind.Store,
        "pos" => SourceKind.Pos,
        "social" => SourceKind.Social,
        "content" => SourceKind.Content,
        "ads" => SourceKind.Ads,
        _ => MarketingErrors.BadSourceKind(name),
    };

    public static bool AtAStore(SourceKind kind) => kind is SourceKind.Store or SourceKind.Pos;
}
