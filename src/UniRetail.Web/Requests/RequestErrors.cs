namespace UniRetail.Web.Requests;

/// <summary>The stable codes of requests rejected before any handler ran.</summary>
public static class RequestErrors
{
    public const string Malformed = "request.malformed";
    public const string NullItem = "request.null_item";
    public const string BadText = "request.bad_text";
    public const string TooLarge = "request.too_large";
    public const string UnsupportedMediaType = "request.unsupported_media_type";
    public const string UnsupportedCharset = "request.unsupported_charset";
    public const string NotFound = "request.not_found";
    public const string MethodNotAllowed = "request.method_not_allowed";
    public const string Unauthenticated = "identity.unauthenticated";
    public const string Forbidden = "identity.role_forbidden";
    public const string RateLimited = "request.rate_limited";
    public const string Unexpected = "server.unexpected";
    public const string Busy = "server.busy";

    /// <summary>The code a framework-made answer of this status carries when nothing more specific was said.</summary>
    public static string ForStatus(int status) => status switch
    {
        400 => Malformed,
        401 => Unauthenticated,
        403 => Forbidden,
        404 => NotFound,
        405 => MethodNotAllowed,
        413 => TooLarge,
        415 => UnsupportedMediaType,
        429 => RateLimited,
        503 => Busy,
        >= 500 => Unexpected,
        _ => $"request.status_{status}",
    };
}
