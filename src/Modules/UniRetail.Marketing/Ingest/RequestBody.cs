using System.IO.Compression;
using Microsoft.AspNetCore.Http;
using UniRetail.Kernel;

namespace UniRetail.Marketing.Ingest;

/// <summary>
/// Reads an event request's body, gunzipping it when it starts with the gzip magic bytes whatever its headers say
/// (RudderStack's SDK labels gzip JSON as form-urlencoded), and never holding more than <c>limit</c> bytes of either form.
/// </summary>
internal static class RequestBody
{
    public static async Task<Result<byte[]>> ReadAsync(HttpRequest request, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > limit)
            return TooLarge(limit);
        var raw = request.ContentLength is { } length
            ? await ReadExactlyAsync(request.Body, (int)length, ct)
            : await ReadUpToAsync(request.Body, limit, ct);
        if (raw is null)
            return TooLarge(limit);
        if (raw.Length < 2 || raw[0] != 0x1f || raw[1] != 0x8b)
            return raw;
        try
        {
            await using var gzip = new GZipStream(new MemoryStream(raw), CompressionMode.Decompress);
            return await ReadUpToAsync(gzip, limit, ct) is { } json ? json : TooLarge(limit);
        }
        catch (InvalidDataException)
        {
            // The one place a corrupt gzip stream is told apart from a good one: .NET offers no "try" form.
            return Error.Validation("marketing.bad_gzip", "The body starts like gzip but does not decompress.", "body");
        }
    }

    /// <summary>
    /// A body of declared length (every SDK sends one) read straight into an array of that size: no 16 KB chunks copied
    /// through a MemoryStream and copied again. Kestrel ends the body at Content-Length, so it cannot run past the limit.
    /// </summary>
    private static async Task<byte[]> ReadExactlyAsync(Stream stream, int length, CancellationToken ct)
    {
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, ct);
        return body;
    }

    /// <summary>The stream's bytes, or null as soon as there are more than <paramref name="limit"/> (a zip bomb stops here).</summary>
    private static async Task<byte[]?> ReadUpToAsync(Stream stream, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    private static Error TooLarge(int limit) =>
        Error.Validation(IngestErrors.TooLarge, $"The request is larger than {limit / 1024} KB (after decompression).", "body");
}

/// <summary>The codes the event API answers with a status other than 400.</summary>
internal static class IngestErrors
{
    public const string TooLarge = "marketing.request_too_large";
    public const string EventTooLarge = "marketing.event_too_large";
    public const string Unauthorized = "marketing.bad_write_key";
    public const string Malformed = "marketing.malformed_json";
}
