using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.RegularExpressions;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;

namespace UniRetail.Marketing.Ingest;

/// <summary>Reads one Segment spec message (identify, track, page, screen, group, alias) and checks it the way Segment does.</summary>
internal static partial class SegmentMessage
{
    public const int MaxEventBytes = 32 * 1024;
    public static readonly IReadOnlySet<string> Types = new HashSet<string>(StringComparer.Ordinal) { "identify", "track", "page", "screen", "group", "alias" };
    private const int MaxIdLength = 255;

    /// <summary>
    /// <paramref name="type"/> is the endpoint's type (null for a batch item, which names its own); <paramref name="sentAt"/>
    /// corrects the client's clock when only <c>originalTimestamp</c> is given, as Segment does.
    /// </summary>
    public static Result<TrackedEvent> Parse(JsonElement message, string? type, DateTimeOffset receivedAt, DateTimeOffset? sentAt, string? sharedContext = null)
    {
        if (message.ValueKind != JsonValueKind.Object)
            return Invalid("Each event must be a JSON object.", "body");
        // The raw UTF-8 bytes as sent, measured in place: GetRawText would copy every event into a string only to count it.
        var raw = JsonMarshal.GetRawUtf8Value(message);
        if (raw.Length > MaxEventBytes)
            return Invalid($"The event is larger than {MaxEventBytes / 1024} KB.", "body", IngestErrors.EventTooLarge);
        // Checked once over the raw bytes before any string is read: what is stored must read back (and GetString throws on it).
        if (!JsonText.IsValid(raw))
        {
            var found = JsonText.FindInvalid(message);
            return MarketingErrors.InvalidText(found?.Path ?? "", found?.InName ?? false);
        }
        var declared = Text(message, "type");
        type ??= declared.IsSuccess ? declared.Value : null;
        if (type is null || !Types.Contains(type))
            return Invalid($"'{type}' is not an event type (identify, track, page, screen, group, alias).", "type");
        return ParseTyped(message, type, receivedAt, sentAt, sharedContext);
    }

    private static Result<TrackedEvent> ParseTyped(JsonElement message, string type, DateTimeOffset receivedAt, DateTimeOffset? sentAt, string? sharedContext)
    {
        var userId = Id(message, "userId");
        var anonymousId = Id(message, "anonymousId");
        var previousId = Id(message, "previousId");
        var groupId = Id(message, "groupId");
        var messageId = Id(message, "messageId");
        var eventName = Text(message, "event");
        var name = Text(message, "name");
        foreach (var part in new[] { userId, anonymousId, previousId, groupId, messageId, eventName, name })
        {
            if (!part.IsSuccess)
                return part.Error;
        }
        if (type == "alias")
        {
            if (previousId.Value is null || userId.Value is null)
                return Invalid("An alias needs both 'previousId' and 'userId'.", previousId.Value is null ? "previousId" : "userId");
        }
        else if (userId.Value is null && anonymousId.Value is null)
            return Invalid("Every event needs a 'userId' or an 'anonymousId'.", "userId");
        if (type == "group" && groupId.Value is null)
            return Invalid("A group call needs a 'groupId'.", "groupId");
        if (type == "track" && string.IsNullOrWhiteSpace(eventName.Value))
            return Invalid("A track call needs an 'event' name.", "event");
        var timestamp = ResolveTimestamp(message, receivedAt, sentAt);
        if (!timestamp.IsSuccess)
            return timestamp.Error;
        var properties = ObjectText(message, "properties");
        var traits = ObjectText(message, "traits");
        var context = ObjectText(message, "context");
        foreach (var part in new[] { properties, traits, context })
        {
            if (!part.IsSuccess)
                return part.Error;
        }
        return new TrackedEvent(
            messageId.Value ?? NewId.With("msg"), type, eventName.Value, name.Value, userId.Value, anonymousId.Value, previousId.Value,
            groupId.Value, timestamp.Value, properties.Value, traits.Value, context.Value ?? sharedContext);
    }

    public static Result<DateTimeOffset?> Instant(JsonElement message, string field)
    {
        if (!message.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return (DateTimeOffset?)null;
        // A batch's sentAt is read before its events are checked.
        if (value.ValueKind == JsonValueKind.String && !JsonText.IsValid(JsonMarshal.GetRawUtf8Value(value)))
            return MarketingErrors.InvalidText(field, inName: false);
        if (value.ValueKind != JsonValueKind.String || !Iso8601().IsMatch(value.GetString()!)
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return Invalid($"'{field}' must be an ISO 8601 date-time, such as 2026-11-20T10:00:00Z.", field, "marketing.bad_timestamp");
        return (DateTimeOffset?)parsed;
    }

    private static Result<DateTimeOffset> ResolveTimestamp(JsonElement message, DateTimeOffset receivedAt, DateTimeOffset? sentAt)
    {
        var timestamp = Instant(message, "timestamp");
        if (!timestamp.IsSuccess)
            return timestamp.Error;
        if (timestamp.Value is { } given)
            return given;
        var original = Instant(message, "originalTimestamp");
        if (!original.IsSuccess)
            return original.Error;
        if (original.Value is not { } originalAt)
            return receivedAt;
        return sentAt is { } sent ? receivedAt - (sent - originalAt) : originalAt;
    }

    /// <summary>An identifier: a string, or a number written as its digits (some SDKs send numeric user ids).</summary>
    private static Result<string?> Id(JsonElement message, string field)
    {
        if (!message.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return (string?)null;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (text is null || text.Length > MaxIdLength || text.Any(char.IsControl))
            return Invalid($"'{field}' must be a string of at most {MaxIdLength} characters, without control characters.", field);
        // Stored trimmed, as identity resolution compares it: timelines, exports and erasure find the event by that value.
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static Result<string?> Text(JsonElement message, string field)
    {
        if (!message.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return (string?)null;
        return value.ValueKind == JsonValueKind.String && !value.GetString()!.Contains('\0', StringComparison.Ordinal)
            ? value.GetString()
            : Invalid($"'{field}' must be a string (without NUL characters, which PostgreSQL cannot store).", field);
    }

    private static Result<string?> ObjectText(JsonElement message, string field)
    {
        if (!message.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
            return (string?)null;
        return value.ValueKind == JsonValueKind.Object ? value.GetRawText() : Invalid($"'{field}' must be a JSON object.", field);
    }

    private static Error Invalid(string message, string field, string code = "marketing.invalid_event") => Error.Validation(code, message, field);

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?)?(Z|z|[+-]\d{2}(:?\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Iso8601();
}
