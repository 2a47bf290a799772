using System.Globalization;
using System.Text.Json.Nodes;

namespace UniRetail.Bench.Accuracy;

/// <summary>One event as a source sends it, with the write key's source name (<c>web</c>, <c>app</c>, <c>pos:2</c>, <c>kiosk:0</c>).</summary>
internal sealed record SentEvent(string Source, DateTimeOffset At, JsonObject Message);

/// <summary>The events a population sends, built with the calls the Segment SDKs make; message ids are numbered, so a run is repeatable.</summary>
internal sealed class EventLog
{
    private int _next;

    public List<SentEvent> Events { get; } = [];

    public void Page(string source, DateTimeOffset at, string anonymousId, string? userId, string path) =>
        Add(source, at, "page", userId, anonymousId, m =>
        {
            m["name"] = "Product";
            m["properties"] = new JsonObject { ["path"] = path };
        });

    public void Screen(string source, DateTimeOffset at, string anonymousId, string? userId, string? deviceId) =>
        Add(source, at, "screen", userId, anonymousId, m =>
        {
            m["name"] = "Home";
            if (deviceId is not null)
                m["context"] = new JsonObject { ["device"] = new JsonObject { ["id"] = deviceId } };
        });

    public void Identify(string source, DateTimeOffset at, string? userId, string? anonymousId, JsonObject traits, string? deviceId = null) =>
        Add(source, at, "identify", userId, anonymousId, m =>
        {
            m["traits"] = traits;
            if (deviceId is not null)
                m["context"] = new JsonObject { ["device"] = new JsonObject { ["id"] = deviceId } };
        });

    /// <summary>A track call whose person is described in <c>context.traits</c>, as tills and kiosks send them.</summary>
    public void Track(string source, DateTimeOffset at, string name, string? userId, string? anonymousId, JsonObject? contextTraits, string? deviceId = null, decimal? revenue = null) =>
        Add(source, at, "track", userId, anonymousId, m =>
        {
            m["event"] = name;
            if (revenue is { } amount)
                m["properties"] = new JsonObject { ["revenue"] = amount, ["currency"] = "GBP" };
            var context = new JsonObject();
            if (contextTraits is not null)
                context["traits"] = contextTraits;
            if (deviceId is not null)
                context["device"] = new JsonObject { ["id"] = deviceId };
            if (context.Count > 0)
                m["context"] = context;
        });

    public void Alias(string source, DateTimeOffset at, string previousId, string userId) =>
        Add(source, at, "alias", userId, null, m => m["previousId"] = previousId);

    public static JsonObject Traits(params (string Name, string? Value)[] traits)
    {
        var json = new JsonObject();
        foreach (var (name, value) in traits)
        {
            if (value is not null)
                json[name] = value;
        }
        return json;
    }

    private void Add(string source, DateTimeOffset at, string type, string? userId, string? anonymousId, Action<JsonObject> fill)
    {
        var message = new JsonObject
        {
            ["type"] = type,
            ["messageId"] = $"acc-{_next++}",
            ["timestamp"] = at.ToString("O", CultureInfo.InvariantCulture),
        };
        if (userId is not null)
            message["userId"] = userId;
        if (anonymousId is not null)
            message["anonymousId"] = anonymousId;
        fill(message);
        Events.Add(new SentEvent(source, at, message));
    }
}
