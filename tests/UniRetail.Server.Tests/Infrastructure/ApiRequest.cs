using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>
/// One HTTP request as data: built from a valid call, changed by the fuzzer, sent with any key, and printed whole when an
/// answer is wrong so the failure can be replayed by hand.
/// </summary>
public sealed record ApiRequest(HttpMethod Method, string Path)
{
    /// <summary>JSON as the tests write it: UTF-8 as it is (emoji, RTL marks), only what JSON must escape escaped.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public byte[]? Body { get; init; }

    /// <summary>The Content-Type header as sent, unvalidated; null sends none.</summary>
    public string? ContentType { get; init; }

    /// <summary>The Authorization header as sent; null sends none.</summary>
    public string? Authorization { get; init; }

    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>The body as JSON when it parses as JSON, for changing one field at a time.</summary>
    public JsonNode? JsonBody => Body is null ? null : JsonNode.Parse(Body);

    public static ApiRequest Get(string path) => new(HttpMethod.Get, path);

    public static ApiRequest Delete(string path, object? body = null) => new ApiRequest(HttpMethod.Delete, path).WithJson(body);

    public static ApiRequest Post(string path, object? body = null) => new ApiRequest(HttpMethod.Post, path).WithJson(body);

    public static ApiRequest Put(string path, object? body) => new ApiRequest(HttpMethod.Put, path).WithJson(body);

    public ApiRequest WithJson(object? body) => body is null ? this : WithJsonText(JsonSerializer.Serialize(body, Json));

    public ApiRequest WithJson(JsonNode? body) => WithJsonText(body is null ? "null" : body.ToJsonString(Json));

    public ApiRequest WithJsonText(string json) => this with { Body = Encoding.UTF8.GetBytes(json), ContentType = "application/json" };

    public ApiRequest WithBearer(string token) => this with { Authorization = $"Bearer {token}" };

    /// <summary>A write key as Segment's SDKs send it: HTTP Basic, the key as user name, no password.</summary>
    public ApiRequest WithWriteKey(string writeKey) => this with { Authorization = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(writeKey + ":")) };

    public ApiRequest WithHeader(string name, string value) => this with { Headers = [.. Headers, (name, value)] };

    public HttpRequestMessage ToMessage()
    {
        var message = new HttpRequestMessage(Method, new Uri("http://localhost" + Path));
        if (Authorization is not null)
            message.Headers.TryAddWithoutValidation("Authorization", Authorization);
        foreach (var (name, value) in Headers)
            message.Headers.TryAddWithoutValidation(name, value);
        if (Body is not null)
        {
            message.Content = new ByteArrayContent(Body);
            message.Content.Headers.ContentType = null;
            if (ContentType is not null)
                message.Content.Headers.TryAddWithoutValidation("Content-Type", ContentType);
        }
        return message;
    }

    /// <summary>The request as curl would show it, the key's secret left out and a long body cut.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Method} {Path.Cut(300)}");
        if (Authorization is not null)
            text.Append($"\n  Authorization: {Authorization.Split(' ')[0]} …");
        foreach (var (name, value) in Headers)
            text.Append($"\n  {name}: {value.Cut(200)}");
        if (ContentType is not null)
            text.Append($"\n  Content-Type: {ContentType}");
        if (Body is not null)
            text.Append($"\n  body ({Body.Length:N0} bytes): {Printable(Body).Cut(1_500)}");
        return text.ToString();
    }

    /// <summary>UTF-8 bodies as text; bytes that are not UTF-8 as <c>\xFF</c>, so invalid input can be retyped.</summary>
    private static string Printable(byte[] body)
    {
        var text = new StringBuilder();
        var decoder = new UTF8Encoding(false, true);
        for (var i = 0; i < body.Length; i++)
        {
            var length = body[i] < 0x80 ? 1 : body[i] >= 0xF0 ? 4 : body[i] >= 0xE0 ? 3 : 2;
            try
            {
                text.Append(body[i] < 0x20 ? $"\\x{body[i]:X2}" : decoder.GetString(body, i, Math.Min(length, body.Length - i)));
                i += Math.Min(length, body.Length - i) - 1;
            }
            catch (ArgumentException)
            {
                text.Append($"\\x{body[i]:X2}");
            }
            if (text.Length > 4_000)
                break;
        }
        return text.ToString();
    }
}

public static class ApiRequestSending
{
    /// <summary>Sends the request with its own Authorization header only (use a client without default headers).</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, ApiRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(request);
        return client.SendAsync(request.ToMessage(), ct);
    }
}
