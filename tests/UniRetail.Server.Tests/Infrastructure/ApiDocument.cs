using System.Net;
using System.Text.Json;
using Xunit;

namespace UniRetail.Server.Tests.Infrastructure;

/// <summary>The server's own OpenAPI document (<c>/openapi/v1.json</c>) as the tests walk it: every operation it maps.</summary>
public sealed class ApiDocument
{
    private static readonly string[] Methods = ["get", "post", "put", "delete", "patch"];

    private ApiDocument(IReadOnlyList<ApiOperation> operations) => Operations = operations;

    public IReadOnlyList<ApiOperation> Operations { get; }

    /// <summary>The operations a key calls: everything under <c>/api</c>.</summary>
    public IEnumerable<ApiOperation> ApiOperations => Operations.Where(o => o.IsApi);

    public static async Task<ApiDocument> ReadAsync(HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync("/openapi/v1.json", TestContext.Current.CancellationToken);
        return Parse(await response.ShouldBeAsync<JsonElement>(HttpStatusCode.OK));
    }

    public static ApiDocument Parse(JsonElement document)
    {
        var components = document.TryGetProperty("components", out var c) ? c : default;
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in Methods)
            {
                if (!path.Value.TryGetProperty(method, out var operation))
                    continue;
                var parameters = operation.TryGetProperty("parameters", out var p)
                    ? p.EnumerateArray().Select(x => new ApiParameter(x.GetProperty("name").GetString()!, x.GetProperty("in").GetString()!, new ApiSchema(x.GetProperty("schema"), components))).ToList()
                    : [];
                var (body, contentType) = BodyOf(operation, components);
                var id = operation.TryGetProperty("operationId", out var i) ? i.GetString() : null;
                operations.Add(new ApiOperation(new HttpMethod(method.ToUpperInvariant()), path.Name, id, parameters, body, contentType));
            }
        }
        return new ApiDocument(operations);
    }

    private static (ApiSchema? Body, string? ContentType) BodyOf(JsonElement operation, JsonElement components)
    {
        if (!operation.TryGetProperty("requestBody", out var body))
            return (null, null);
        var content = body.GetProperty("content").EnumerateObject().First();
        return (new ApiSchema(content.Value.GetProperty("schema"), components), content.Name);
    }
}

/// <summary>One path and method. The event API's operations have no id and no body schema: Segment's SDKs define them.</summary>
public sealed record ApiOperation(HttpMethod Method, string Template, string? OperationId, IReadOnlyList<ApiParameter> Parameters, ApiSchema? Body, string? BodyContentType)
{
    /// <summary>The operation id, or method and path where there is none (<c>POST /v1/track</c>).</summary>
    public string Name => OperationId ?? $"{Method} {Template}";

    public bool IsApi => Template.StartsWith("/api/", StringComparison.Ordinal);

    /// <summary>Segment's tracking API, under <c>/v1</c> and at the root.</summary>
    public bool IsEventApi => !IsApi && Method == HttpMethod.Post;

    public IEnumerable<ApiParameter> InPath => Parameters.Where(p => p.In == "path");

    public IEnumerable<ApiParameter> InQuery => Parameters.Where(p => p.In == "query");

    public override string ToString() => Name;
}

public sealed record ApiParameter(string Name, string In, ApiSchema Schema);

/// <summary>A schema with its <c>$ref</c>s and <c>oneOf</c>s followed: the JSON kinds it takes, its properties, items and map values.</summary>
public sealed class ApiSchema
{
    private readonly JsonElement _components;
    private readonly List<JsonElement> _branches = [];

    public ApiSchema(JsonElement node, JsonElement components)
    {
        _components = components;
        Collect(node);
    }

    /// <summary>JSON kinds: string, number, integer, boolean, array, object, null. Empty when the schema takes anything.</summary>
    public IReadOnlySet<string> Kinds => _branches.SelectMany(KindsOf).ToHashSet();

    public IReadOnlyDictionary<string, ApiSchema> Properties =>
        _branches.Where(b => b.TryGetProperty("properties", out _))
            .SelectMany(b => b.GetProperty("properties").EnumerateObject())
            .GroupBy(p => p.Name).ToDictionary(g => g.Key, g => new ApiSchema(g.First().Value, _components));

    public ApiSchema? Items => Child("items");

    /// <summary>The values of a map (<c>additionalProperties</c>).</summary>
    public ApiSchema? Values => Child("additionalProperties");

    public bool Takes(string kind) => Kinds.Count == 0 || Kinds.Contains(kind) || (kind == "integer" && Kinds.Contains("number"));

    private ApiSchema? Child(string name) =>
        _branches.Where(b => b.TryGetProperty(name, out var c) && c.ValueKind == JsonValueKind.Object).Select(b => new ApiSchema(b.GetProperty(name), _components)).FirstOrDefault();

    private void Collect(JsonElement node)
    {
        if (node.TryGetProperty("$ref", out var reference))
        {
            Collect(_components.GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]));
            return;
        }
        if (node.TryGetProperty("oneOf", out var oneOf) || node.TryGetProperty("anyOf", out oneOf))
        {
            foreach (var branch in oneOf.EnumerateArray())
                Collect(branch);
            return;
        }
        _branches.Add(node);
    }

    private static IEnumerable<string> KindsOf(JsonElement branch)
    {
        if (!branch.TryGetProperty("type", out var type))
            return [];
        return type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!) : [type.GetString()!];
    }
}
