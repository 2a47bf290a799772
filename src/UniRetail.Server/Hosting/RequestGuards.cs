using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;
using UniRetail.Kernel;
using UniRetail.Web.Requests;

namespace UniRetail.Server.Hosting;

/// <summary>
/// Checks every API request's envelope before any handler runs: its declared size against the endpoint's limit (1 MiB
/// unless the endpoint says otherwise, or limits its body itself: <see cref="OwnBodyLimit"/>), that a JSON body is
/// UTF-8, and that no query parameter holds the NUL character (the host refuses one in the path; body strings are checked
/// as they are read: <see cref="TextWithoutNul"/>). Kestrel enforces the same size limit while reading a body without a length;
/// this answers with a problem and a code, in every host.
/// </summary>
internal sealed class RequestGuards(RequestDelegate next)
{
    /// <summary>The largest body an endpoint takes unless it declares its own limit.</summary>
    public const long DefaultMaxBodyBytes = 1024 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        var limit = endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? DefaultMaxBodyBytes;
        if (context.Request.ContentLength > limit && endpoint?.Metadata.GetMetadata<OwnBodyLimit>() is null)
        {
            await EnvelopeAnswers.WriteAsync(context, StatusCodes.Status413PayloadTooLarge,
                Error.Validation(RequestErrors.TooLarge, $"The request body is larger than this endpoint accepts ({limit / 1024:N0} KiB).", "body"));
            return;
        }
        if (EnvelopeAnswers.IsApi(context.Request.Path) && !IsUtf8(context.Request.ContentType))
        {
            await EnvelopeAnswers.WriteAsync(context, StatusCodes.Status415UnsupportedMediaType,
                Error.Validation(RequestErrors.UnsupportedCharset, "Request bodies are UTF-8: send no charset, or charset=utf-8.", "Content-Type"));
            return;
        }
        if (EnvelopeAnswers.IsApi(context.Request.Path) && FirstWithNul(context.Request) is { } field)
        {
            await EnvelopeAnswers.WriteAsync(context, StatusCodes.Status400BadRequest, RequestErrorText.NulInText(field));
            return;
        }
        await next(context);
    }

    /// <summary>The first query parameter whose name or value holds a NUL, by name; null when none does.</summary>
    private static string? FirstWithNul(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
        {
            if (name.Contains('\0', StringComparison.Ordinal))
                return "query";
            foreach (var value in values)
            {
                if (value is not null && value.Contains('\0', StringComparison.Ordinal))
                    return name;
            }
        }
        return null;
    }

    private static bool IsUtf8(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType) || !MediaTypeHeaderValue.TryParse(contentType, out var parsed))
            return true;
        // "charset=" with nothing after it names no encoding: the JSON reader cannot read it, so it is refused here.
        if (!parsed.Parameters.Any(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)))
            return true;
        var charset = parsed.Charset.Value?.Trim('"');
        return charset is not null && (charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase));
    }
}
