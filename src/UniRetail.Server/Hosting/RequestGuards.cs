using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using UniRetail.Kernel;
using UniRetail.Web;
using UniRetail.Web.Requests;

namespace UniRetail.Server.Hosting;

/// <summary>
/// Checks every API request's envelope before any handler runs: its declared size against the endpoint's limit (1 MiB
/// unless the endpoint says otherwise), and that a JSON body is UTF-8. Kestrel enforces the same size limit while
/// reading a body without a length; this answers with a problem and a code, in every host.
/// </summary>
internal sealed class RequestGuards(RequestDelegate next)
{
    /// <summary>The largest body an endpoint takes unless it declares its own limit.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var limit = endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                Error.Validation(RequestErrors.TooLarge, $"The request body is larger than this endpoint accepts ({limit / 1024:N0} KiB).", "body"));
            return;
        }
        if (IsApi(context.Request.Path) && !IsUtf8(context.Request.ContentType))
        {
            await WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                Error.Validation(RequestErrors.UnsupportedCharset, "Request bodies are UTF-8: send no charset, or charset=utf-8.", "Content-Type"));
            return;
        }
        await next(context);
    }

    private static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static bool IsUtf8(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
            return true;
        var charset = parsed.Charset.Value?.Trim('"');
        return string.IsNullOrEmpty(charset) || charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task WriteAsync(HttpContext context, int status, Error error)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = error.ToProblemDetails(status) });
    }
}
