using System.Text;
using System.Text.Json.Nodes;
using UniRetail.Server.Tests.Infrastructure;

namespace UniRetail.Server.Tests.Fuzzing;

/// <summary>
/// A place in a valid JSON body where the fuzzer puts a bad value: a property (present or only in the schema), an array
/// item (one more than the valid body has, too) or a map value, with the JSON kinds its schema takes.
/// </summary>
public sealed class JsonSlot
{
    /// <summary>Where a raw value goes: a string no schema takes, replaced in the written JSON by the raw bytes.</summary>
    private const string RawMarker = "⟦raw value⟧";

    private readonly IReadOnlyList<object> _steps;

    private JsonSlot(IReadOnlyList<object> steps, ApiSchema? schema, JsonNode? example)
    {
        _steps = steps;
        Schema = schema;
        Example = example;
    }

    public ApiSchema? Schema { get; }

    /// <summary>The valid body's value here; null where the valid body has none.</summary>
    public JsonNode? Example { get; }

    /// <summary>As the API names fields in problems: <c>lines[0].quantity</c>.</summary>
    public string Path => _steps.Count == 0 ? "body" : string.Concat(_steps.Select((s, i) => s is int n ? $"[{n}]" : i == 0 ? $"{s}" : $".{s}"));

    /// <summary>The JSON kinds this slot takes: its schema's, else the valid body's own value's.</summary>
    public bool Takes(string kind) => Schema is { Kinds.Count: > 0 } ? Schema.Takes(kind) : Example is null || KindOf(Example) == kind || (kind == "integer" && KindOf(Example) == "number");

    public bool IsArray => Schema?.Kinds.Contains("array") == true || Example is JsonArray;

    public bool IsMap => Schema?.Values is not null;

    /// <summary>Every slot of <paramref name="body"/> two levels of arrays deep, walking the schema alongside.</summary>
    public static IReadOnlyList<JsonSlot> Of(JsonNode? body, ApiSchema? schema)
    {
        var slots = new List<JsonSlot>();
        Walk(body, schema, [], slots);
        return slots;
    }

    /// <summary>The body with <paramref name="value"/> here, as UTF-8 JSON.</summary>
    public byte[] Put(JsonNode? body, BadValue value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var changed = Set(body?.DeepClone(), value.Raw is null ? value.Node?.DeepClone() : RawMarker);
        var json = changed is null ? "null" : changed.ToJsonString(ApiRequest.Json);
        if (value.Raw is null)
            return Encoding.UTF8.GetBytes(json);
        var at = json.IndexOf($"\"{RawMarker}\"", StringComparison.Ordinal);
        return [.. Encoding.UTF8.GetBytes(json[..at]), .. value.Raw, .. Encoding.UTF8.GetBytes(json[(at + RawMarker.Length + 2)..])];
    }

    /// <summary>A copy of the body with <paramref name="value"/> here.</summary>
    public JsonNode? With(JsonNode? body, JsonNode? value) => Set(body?.DeepClone(), value?.DeepClone());

    /// <summary>The body without this property (a required one missing).</summary>
    public JsonNode? Remove(JsonNode? body)
    {
        var clone = body?.DeepClone();
        if (Parent(clone) is JsonObject parent && _steps[^1] is string name)
            parent.Remove(name);
        return clone;
    }

    private JsonNode? Set(JsonNode? body, JsonNode? value)
    {
        if (_steps.Count == 0)
            return value;
        switch (Parent(body), _steps[^1])
        {
            case (JsonObject parent, string name):
                parent[name] = value;
                break;
            case (JsonArray parent, int index) when index < parent.Count:
                parent[index] = value;
                break;
            case (JsonArray parent, int):
                parent.Add(value);
                break;
        }
        return body;
    }

    private JsonNode? Parent(JsonNode? body)
    {
        var node = body;
        foreach (var step in _steps.Take(_steps.Count - 1))
        {
            node = (node, step) switch
            {
                (JsonArray array, int i) when i < array.Count => array[i],
                (JsonObject obj, string name) => obj[name],
                _ => throw new InvalidOperationException($"The body has no {Path}: a slot is taken from the body it changes."),
            };
        }
        return node;
    }

    private static void Walk(JsonNode? node, ApiSchema? schema, List<object> steps, List<JsonSlot> slots)
    {
        slots.Add(new JsonSlot([.. steps], schema, node));
        if (steps.Count > 6)
            return;
        switch (node)
        {
            case JsonObject obj:
                var names = obj.Select(p => p.Key).Concat(schema?.Values is null ? schema?.Properties.Keys ?? [] : []).Distinct();
                foreach (var name in names)
                    Walk(obj[name], schema?.Values ?? Property(schema, name), [.. steps, name], slots);
                if (schema?.Values is not null)
                    slots.Add(new JsonSlot([.. steps, "fuzzed-key"], schema.Values, null));
                break;
            case JsonArray array:
                for (var i = 0; i < Math.Min(array.Count, 2); i++)
                    Walk(array[i], schema?.Items, [.. steps, i], slots);
                slots.Add(new JsonSlot([.. steps, array.Count], schema?.Items, null));
                break;
        }
    }

    private static ApiSchema? Property(ApiSchema? schema, string name) =>
        schema is not null && schema.Properties.TryGetValue(name, out var property) ? property : null;

    private static string KindOf(JsonNode node) => node.GetValueKind() switch
    {
        System.Text.Json.JsonValueKind.String => "string",
        System.Text.Json.JsonValueKind.Number => "number",
        System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => "boolean",
        System.Text.Json.JsonValueKind.Array => "array",
        System.Text.Json.JsonValueKind.Object => "object",
        _ => "null",
    };
}
