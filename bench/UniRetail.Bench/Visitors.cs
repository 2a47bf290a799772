using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace UniRetail.Bench;

/// <summary>One event as the bank stores it: the columns <c>marketing_event</c> gets from a message.</summary>
internal sealed record VisitorEvent(
    string MessageId, string Type, string? Event, string? Name, string? UserId, string AnonymousId, DateTimeOffset Timestamp,
    string? Properties, string? Traits, string Context);

/// <summary>
/// A web shop's visitors as analytics.js reports them: product views, cart adds, checkouts and page views, with an
/// identify when a visitor signs in; each with its own messageId, an anonymousId, a userId once signed in, and a
/// browser context. Drawn before a run, and serialised into <c>/v1/batch</c> bodies, so nothing is built while timed.
/// </summary>
internal static class Visitors
{
    private static readonly string[] Categories = ["Home/Decor", "Home/Kitchen", "Gifts/Christmas", "Garden/Lighting", "Stationery/Cards"];
    private static readonly string[] Agents =
    [
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_7_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
    ];

    /// <summary><paramref name="count"/> events from about count/8 visitors, in the order a shop would send them.</summary>
    public static VisitorEvent[] Events(int count, int seed)
    {
        var random = new Random(seed);
        var at = new DateTimeOffset(2026, 11, 22, 9, 0, 0, TimeSpan.Zero);
        var events = new VisitorEvent[count];
        string? anonymousId = null, userId = null;
        for (var i = 0; i < count; i++)
        {
            if (i % 8 == 0)
            {
                anonymousId = Guid.NewGuid().ToString();
                userId = random.Next(3) == 0 ? $"mem_{random.Next(1_000_000):D7}" : null;
            }
            at = at.AddMilliseconds(random.Next(50, 900));
            var context = Context(random, anonymousId!);
            var roll = random.Next(100);
            events[i] = roll switch
            {
                < 10 => new VisitorEvent(Guid.NewGuid().ToString(), "identify", null, null, userId ??= $"mem_{random.Next(1_000_000):D7}", anonymousId!, at,
                    null, Traits(random, userId), context),
                < 30 => new VisitorEvent(Guid.NewGuid().ToString(), "page", null, "Product", userId, anonymousId!, at, Page(random), null, context),
                _ => new VisitorEvent(Guid.NewGuid().ToString(), "track", roll switch { < 75 => "Product Viewed", < 92 => "Product Added", _ => "Checkout Started" },
                    null, userId, anonymousId!, at, Product(random), null, context),
            };
        }
        return events;
    }

    /// <summary>The events as <c>/v1/batch</c> bodies of <paramref name="batchSize"/> events each (UTF-8 JSON, as analytics.js posts them).</summary>
    public static byte[][] Batches(VisitorEvent[] events, int batchSize)
    {
        var bodies = new byte[(events.Length + batchSize - 1) / batchSize][];
        var buffer = new ArrayBufferWriter<byte>(128 * 1024);
        for (var b = 0; b < bodies.Length; b++)
        {
            buffer.ResetWrittenCount();
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteStartArray("batch");
                foreach (var e in events.AsSpan(b * batchSize, Math.Min(batchSize, events.Length - b * batchSize)))
                    Write(json, e);
                json.WriteEndArray();
                json.WriteString("sentAt", events[Math.Min(events.Length - 1, (b + 1) * batchSize - 1)].Timestamp.AddSeconds(1).ToString("O", CultureInfo.InvariantCulture));
                json.WriteEndObject();
            }
            bodies[b] = buffer.WrittenSpan.ToArray();
        }
        return bodies;
    }

    private static void Write(Utf8JsonWriter json, VisitorEvent e)
    {
        json.WriteStartObject();
        json.WriteString("type", e.Type);
        json.WriteString("messageId", e.MessageId);
        json.WriteString("anonymousId", e.AnonymousId);
        if (e.UserId is not null)
            json.WriteString("userId", e.UserId);
        if (e.Event is not null)
            json.WriteString("event", e.Event);
        if (e.Name is not null)
            json.WriteString("name", e.Name);
        json.WriteString("timestamp", e.Timestamp.ToString("O", CultureInfo.InvariantCulture));
        if (e.Properties is not null)
        {
            json.WritePropertyName("properties");
            json.WriteRawValue(e.Properties, skipInputValidation: true);
        }
        if (e.Traits is not null)
        {
            json.WritePropertyName("traits");
            json.WriteRawValue(e.Traits, skipInputValidation: true);
        }
        json.WritePropertyName("context");
        json.WriteRawValue(e.Context, skipInputValidation: true);
        json.WriteEndObject();
    }

    private static string Product(Random random)
    {
        var n = random.Next(200);
        return Json(j =>
        {
            j.WriteString("product_id", $"P-BN-{10_000 + n}");
            j.WriteString("sku", $"BN-{10_000 + n}");
            j.WriteString("category", Categories[n % Categories.Length]);
            j.WriteString("name", $"Bench product {n}");
            j.WriteString("brand", "Bench Gifts & Home");
            j.WriteNumber("price", 1.5m + n % 37);
            j.WriteString("currency", "GBP");
            j.WriteNumber("quantity", 1 + random.Next(3));
            j.WriteString("url", $"https://shop.example.co.uk/p/bn-{10_000 + n}");
            j.WriteString("image_url", $"https://cdn.example.co.uk/img/bn-{10_000 + n}.jpg");
        });
    }

    private static string Page(Random random)
    {
        var n = random.Next(200);
        return Json(j =>
        {
            j.WriteString("path", $"/p/bn-{10_000 + n}");
            j.WriteString("referrer", random.Next(2) == 0 ? "https://www.google.com/" : "");
            j.WriteString("search", "");
            j.WriteString("title", $"Bench product {n} | Bench Gifts & Home");
            j.WriteString("url", $"https://shop.example.co.uk/p/bn-{10_000 + n}");
        });
    }

    private static string Traits(Random random, string userId) => Json(j =>
    {
        j.WriteString("email", $"{userId}@example.co.uk");
        j.WriteString("firstName", random.Next(2) == 0 ? "Amelia" : "Oliver");
        j.WriteString("loyaltyTier", random.Next(4) == 0 ? "gold" : "silver");
        j.WriteBoolean("marketingOptIn", random.Next(3) != 0);
    });

    private static string Context(Random random, string anonymousId) => Json(j =>
    {
        j.WriteStartObject("library");
        j.WriteString("name", "analytics.js");
        j.WriteString("version", "npm:next-1.72.0");
        j.WriteEndObject();
        j.WriteString("ip", $"81.{random.Next(256)}.{random.Next(256)}.{random.Next(256)}");
        j.WriteString("locale", "en-GB");
        j.WriteString("timezone", "Europe/London");
        j.WriteString("userAgent", Agents[random.Next(Agents.Length)]);
        j.WriteStartObject("page");
        j.WriteString("path", "/");
        j.WriteString("url", "https://shop.example.co.uk/");
        j.WriteString("title", "Bench Gifts & Home");
        j.WriteEndObject();
        j.WriteString("sessionId", anonymousId[..8]);
    });

    private static string Json(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            write(json);
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
