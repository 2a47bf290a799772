using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using UniRetail.Server.Tests.Infrastructure;

namespace UniRetail.Server.Tests.Fuzzing;

/// <summary>One bad request for one operation, and what was done to the valid request to get it.</summary>
public sealed record FuzzCase(ApiOperation Operation, string What, ApiRequest Request);

/// <summary>Where the fuzzer aims: an operation, a request that succeeds for it, and the same operation as another tenant sends it.</summary>
public sealed record FuzzTarget(ApiOperation Operation, ApiRequest Valid, ApiRequest OtherTenants)
{
    public JsonNode? Json => IsJson ? Valid.JsonBody : null;

    public bool IsJson => Valid.ContentType == "application/json" || Operation.IsEventApi;

    public IReadOnlyList<JsonSlot> Slots => IsJson && Valid.Body is not null ? JsonSlot.Of(Json, Operation.Body) : [];

    public FuzzCase Case(string what, ApiRequest request) => new(Operation, what, request);
}

/// <summary>The ways a valid request is made bad, each a small function of the target and the seeded random source.</summary>
public static class Mutations
{
    public static FuzzCase SlotValue(FuzzTarget target, JsonSlot slot, BadValue value) =>
        target.Case($"{slot.Path} = {value}", target.Valid with { Body = slot.Put(target.Json, value) });

    public static FuzzCase Missing(FuzzTarget target, JsonSlot slot) =>
        target.Case($"{slot.Path} left out", target.Valid.WithJson(slot.Remove(target.Json)));

    /// <summary>The values of JSON kinds the slot does not take (a fraction where only whole numbers go).</summary>
    public static IEnumerable<BadValue> WrongKinds(JsonSlot slot) =>
        BadValues.OfEveryKind.Where(k => k.Kind == "integer" ? slot.Takes("integer") && !slot.Takes("number") && slot.Schema is not null : !slot.Takes(k.Kind))
            .Select(k => k.Value with { Label = $"{k.Value.Label} (wrong kind)" });

    /// <summary>An array of <paramref name="count"/> copies of the valid item, or a map of that many keys.</summary>
    public static FuzzCase Many(FuzzTarget target, JsonSlot slot, int count)
    {
        JsonNode many;
        if (slot.IsMap)
            many = new JsonObject(Enumerable.Range(0, count).Select(i => KeyValuePair.Create($"k{i}", (JsonNode?)JsonValue.Create("v"))));
        else
        {
            var item = slot.Example is JsonArray { Count: > 0 } array ? array[0] : JsonValue.Create("x");
            many = new JsonArray(Enumerable.Range(0, count).Select(_ => item?.DeepClone()).ToArray());
        }
        return SlotValue(target, slot, BadValue.Json($"{count:N0} {(slot.IsMap ? "keys" : "items")}", many));
    }

    public static FuzzCase ContentType(FuzzTarget target, string? contentType) =>
        target.Case($"Content-Type {contentType ?? "none"}", target.Valid with { Body = target.Valid.Body ?? [], ContentType = contentType });

    public static FuzzCase Body(FuzzTarget target, BadValue body) =>
        target.Case($"the body is {body}", target.Valid with { Body = body.Raw ?? Encoding.UTF8.GetBytes(body.Node?.ToJsonString() ?? "null"), ContentType = target.Valid.ContentType ?? "application/json" });

    public static FuzzCase Truncated(FuzzTarget target, Random random)
    {
        var body = target.Valid.Body ?? "{}"u8.ToArray();
        var length = random.Next(1, Math.Max(2, body.Length));
        return target.Case($"the body cut after {length} of {body.Length} bytes", target.Valid with { Body = body[..Math.Min(length, body.Length)] });
    }

    /// <summary>Each path parameter in turn replaced; the other tenant's request keeps every parameter its own.</summary>
    public static FuzzCase PathValue(FuzzTarget target, string parameter, string value)
    {
        var path = target.Valid.Path;
        var valid = ValueOf(target.Operation.Template, path, parameter);
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var bare = query < 0 ? path : path[..query];
        var segments = bare.Split('/');
        var index = target.Operation.Template.Split('/').ToList().IndexOf($"{{{parameter}}}");
        segments[index] = value;
        return target.Case($"path {{{parameter}}} = {value.Cut(60)} (was {valid})", target.Valid with { Path = string.Join('/', segments) + (query < 0 ? "" : path[query..]) });
    }

    public static FuzzCase OtherTenantsPath(FuzzTarget target) =>
        target.Case("another tenant's ids in the path", target.Valid with { Path = target.OtherTenants.Path });

    public static FuzzCase OtherTenantsRequest(FuzzTarget target) =>
        target.Case("another tenant's request: its ids in the path and the body", target.OtherTenants with { Authorization = target.Valid.Authorization });

    public static FuzzCase QueryValue(FuzzTarget target, string parameter, string value)
    {
        var path = target.Valid.Path;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        var pairs = (query < 0 ? "" : path[(query + 1)..]).Split('&', StringSplitOptions.RemoveEmptyEntries).Where(p => !p.StartsWith(parameter + "=", StringComparison.Ordinal));
        return target.Case($"query {parameter} = {value.Cut(60)}", target.Valid with { Path = $"{(query < 0 ? path : path[..query])}?{string.Join('&', pairs.Append($"{parameter}={value}"))}" });
    }

    public static FuzzCase QueryShape(FuzzTarget target, string what, string suffix)
    {
        var separator = target.Valid.Path.Contains('?', StringComparison.Ordinal) ? "&" : "?";
        return target.Case($"query: {what}", target.Valid with { Path = target.Valid.Path + separator + suffix });
    }

    public static FuzzCase Header(FuzzTarget target, string name, string value) =>
        target.Case($"header {name}: {value.Cut(40)}", target.Valid.WithHeader(name, value));

    public static FuzzCase Authorization(FuzzTarget target, string what, string? header) =>
        target.Case($"Authorization: {what}", target.Valid with { Authorization = header });

    public static FuzzCase WriteKeyInBody(FuzzTarget target, string writeKey)
    {
        var body = target.Json!.DeepClone().AsObject();
        body["writeKey"] = writeKey;
        return target.Case("the write key in the body instead of a header", target.Valid.WithJson(body) with { Authorization = null });
    }

    /// <summary>Gzip as RudderStack's SDK sends it: the server recognises the magic bytes whatever the headers say.</summary>
    public static FuzzCase Gzip(FuzzTarget target, string what, byte[] plain, Func<byte[], byte[]>? spoil = null)
    {
        var zipped = Compress(plain);
        return target.Case($"gzip: {what}", target.Valid with { Body = spoil is null ? zipped : spoil(zipped), ContentType = "application/x-www-form-urlencoded" });
    }

    /// <summary>30 MB of zeros in 30 KB: the server must stop reading at its limit.</summary>
    public static FuzzCase GzipBomb(FuzzTarget target) =>
        target.Case("gzip: 30 MB of zeros (a zip bomb)", target.Valid with { Body = Bomb.Value, ContentType = "application/json" });

    private static readonly Lazy<byte[]> Bomb = new(() => Compress(new byte[30_000_000]));

    public static byte[] Compress(byte[] plain)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
            gzip.Write(plain);
        return buffer.ToArray();
    }

    /// <summary>A cell of the valid CSV's data row replaced by <paramref name="cell"/> (raw bytes, quoting left to the value).</summary>
    public static FuzzCase CsvCell(FuzzTarget target, int column, BadValue cell)
    {
        var lines = Encoding.UTF8.GetString(target.Valid.Body!).TrimEnd('\n').Split('\n');
        var header = lines[0].Split(',');
        var cells = lines[1].Split(',');
        var before = Encoding.UTF8.GetBytes($"{lines[0]}\n{string.Join(',', cells.Take(column))}{(column > 0 ? "," : "")}");
        var after = Encoding.UTF8.GetBytes($"{(column < cells.Length - 1 ? "," : "")}{string.Join(',', cells.Skip(column + 1))}\n");
        return target.Case($"CSV {header[column]} = {cell}", target.Valid with { Body = [.. before, .. cell.Raw ?? Encoding.UTF8.GetBytes(cell.Node?.ToString() ?? ""), .. after] });
    }

    public static FuzzCase CsvRows(FuzzTarget target, int rows)
    {
        var lines = Encoding.UTF8.GetString(target.Valid.Body!).TrimEnd('\n').Split('\n');
        var body = new StringBuilder(lines[0]).Append('\n');
        for (var i = 0; i < rows; i++)
            body.Append(lines[1]).Append('\n');
        return target.Case($"CSV with {rows:N0} copies of the row", target.Valid with { Body = Encoding.UTF8.GetBytes(body.ToString()) });
    }

    private static string ValueOf(string template, string path, string parameter)
    {
        var index = template.Split('/').ToList().IndexOf($"{{{parameter}}}");
        var segments = path.Split('?')[0].Split('/');
        return index < segments.Length ? segments[index] : "";
    }
}
