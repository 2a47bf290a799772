using System.Text;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Web.Requests;

namespace UniRetail.Marketing.Ingest;

/// <summary>The answer the Segment SDKs expect: <c>{"success": true}</c>, with the batch's rejected events when there are any.</summary>
internal sealed record IngestAccepted(bool Success, [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<RejectedEvent>? Rejected);

internal sealed record IngestFailure(bool Success, string Code, string Message);

/// <summary>
/// Segment's HTTP Tracking API, under <c>/v1</c> and at the root (SDKs differ in which they use). These endpoints answer in
/// Segment's shape, not as problem details: the SDKs read the status (400 is final, anything else but 2xx is retried).
/// </summary>
internal static class TrackingEndpoints
{
    private static readonly string[] MessageTypes = ["identify", "track", "page", "screen", "group", "alias"];

    public static void MapTracking(this IEndpointRouteBuilder app)
    {
        foreach (var prefix in new[] { "/v1", "" })
        {
            var group = app.MapGroup(prefix).WithTags("Event API (Segment compatible)").AllowAnonymous().WithMetadata(OwnBodyLimit.Instance);
            foreach (var type in MessageTypes)
                group.MapPost($"/{type}", (HttpRequest request, IngestEvents handler, CancellationToken ct) => IngestAsync(type, request, handler, ct));
            foreach (var path in new[] { "/batch", "/b" })
                group.MapPost(path, (HttpRequest request, IngestEvents handler, CancellationToken ct) => IngestAsync(null, request, handler, ct));
        }
    }

    private static async Task<Results<Ok<IngestAccepted>, JsonHttpResult<IngestFailure>>> IngestAsync(
        string? type, HttpRequest request, IngestEvents handler, CancellationToken ct)
    {
        var limit = type is null ? IngestEvents.MaxBatchBytes : SegmentMessage.MaxEventBytes;
        var body = await RequestBody.ReadAsync(request, limit, ct);
        var outcome = body.IsSuccess ? await handler.HandleAsync(type, body.Value, BasicUser(request), ct) : body.Error;
        if (outcome.IsSuccess)
            return TypedResults.Ok(new IngestAccepted(true, outcome.Value.Rejected.Count > 0 ? outcome.Value.Rejected : null));
        var error = outcome.Error;
        var status = error.Code switch
        {
            IngestErrors.Unauthorized => StatusCodes.Status401Unauthorized,
            IngestErrors.TooLarge or IngestErrors.EventTooLarge => StatusCodes.Status413PayloadTooLarge,
            _ => StatusCodes.Status400BadRequest,
        };
        if (status == StatusCodes.Status401Unauthorized)
            request.HttpContext.Response.Headers.WWWAuthenticate = "Basic realm=\"write key\"";
        var message = error.Field is null or "body" ? error.Message : $"{error.Field}: {error.Message}";
        return TypedResults.Json(new IngestFailure(false, error.Code, message), statusCode: status);
    }

    /// <summary>The user name of <c>Authorization: Basic base64(writeKey:)</c>; null when there is no such header.</summary>
    private static string? BasicUser(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return null;
        var encoded = header["Basic ".Length..].Trim();
        var bytes = new byte[encoded.Length];
        if (!Convert.TryFromBase64String(encoded, bytes, out var length))
            return null;
        var credentials = Encoding.UTF8.GetString(bytes, 0, length);
        var colon = credentials.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? credentials : credentials[..colon];
    }
}
