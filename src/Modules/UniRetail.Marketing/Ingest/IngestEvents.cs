using System.Runtime.InteropServices;
using System.Text.Json;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Privacy;
using UniRetail.Marketing.Sources;

namespace UniRetail.Marketing.Ingest;

/// <summary>An event of a batch that was not stored, and why; its index is its position in the request's <c>batch</c>.</summary>
internal sealed record RejectedEvent(int Index, string Code, string Reason);

/// <summary>What a request did: events accepted (stored now or by an earlier retry), newly stored, and rejected.</summary>
internal sealed record IngestOutcome(int Accepted, int Stored, IReadOnlyList<RejectedEvent> Rejected);

/// <summary>
/// Takes a Segment HTTP API request (one message, or a batch) from a write key's source into the event bank. The request's
/// good events are written in one group-committed write and are durable before this returns.
/// </summary>
internal sealed class IngestEvents(Database database, WriteKeyDirectory writeKeys, EventStore events, SuppressionList suppression, TimeProvider clock)
{
    public const int MaxBatchBytes = 500 * 1024;

    /// <summary><paramref name="type"/> is the endpoint's message type, or null for <c>/v1/batch</c>.</summary>
    public async Task<Result<IngestOutcome>> HandleAsync(string? type, byte[] body, string? basicUser, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var document = Parse(body);
        if (!document.IsSuccess)
            return document.Error;
        using var json = document.Value;
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return Error.Validation(IngestErrors.Malformed, "The body must be a JSON object.", "body");
        var origin = await writeKeys.AuthenticateAsync(basicUser ?? BodyWriteKey(root), ct);
        if (origin is null)
            return Error.Validation(IngestErrors.Unauthorized, "A valid write key is required: HTTP Basic with the write key as user name, or 'writeKey' in the body.", "writeKey");
        var receivedAt = clock.GetUtcNow();
        var read = type is null ? ReadBatch(root, receivedAt) : ReadOne(root, type, receivedAt);
        if (!read.IsSuccess)
            return read.Error;
        return await StoreAsync(origin, read.Value, receivedAt, ct);
    }

    /// <summary>
    /// Takes messages from a trusted origin (an import run by the platform itself, not a request with a write key): each
    /// message is read and checked as an item of a <c>/v1/batch</c> request is, and the good ones are stored the same way.
    /// </summary>
    public Task<Result<IngestOutcome>> IngestAsync(EventOrigin origin, IReadOnlyList<JsonElement> messages, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(origin);
        ArgumentNullException.ThrowIfNull(messages);
        var receivedAt = clock.GetUtcNow();
        return StoreAsync(origin, ReadMessages(messages, receivedAt, null, (string?)null), receivedAt, ct);
    }

    private async Task<Result<IngestOutcome>> StoreAsync(
        EventOrigin origin, (List<TrackedEvent> Accepted, List<RejectedEvent> Rejected) read, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var (accepted, rejected) = read;
        // An erased person's events are acknowledged like any other and never stored.
        var seen = await suppression.ForTenantAsync(origin.Tenant, ct);
        var collected = accepted.Count;
        accepted.RemoveAll(e => seen.Names(e, origin.SourceId));
        if (accepted.Count == 0)
            return new IngestOutcome(collected, 0, rejected);
        return await database.WriteAsync<IngestOutcome>(async session =>
        {
            // An erasure may have committed since the list was read: the epoch, read under its lock, says so.
            var now = await suppression.InWriteAsync(session, seen);
            var storing = now.Epoch == seen.Epoch ? accepted : accepted.FindAll(e => !now.Names(e, origin.SourceId));
            return new IngestOutcome(collected, storing.Count == 0 ? 0 : await events.InsertAsync(session, origin, storing, receivedAt), rejected);
        }, ct);
    }

    private static Result<(List<TrackedEvent>, List<RejectedEvent>)> ReadOne(JsonElement root, string type, DateTimeOffset receivedAt)
    {
        var sentAt = SegmentMessage.Instant(root, "sentAt");
        if (!sentAt.IsSuccess)
            return sentAt.Error;
        var parsed = SegmentMessage.Parse(root, type, receivedAt, sentAt.Value);
        return parsed.IsSuccess ? (new List<TrackedEvent> { parsed.Value }, new List<RejectedEvent>()) : parsed.Error;
    }

    /// <summary>A batch keeps its good events and reports the bad ones by index, as Segment stores the good ones of a batch.</summary>
    private static Result<(List<TrackedEvent>, List<RejectedEvent>)> ReadBatch(JsonElement root, DateTimeOffset receivedAt)
    {
        if (!root.TryGetProperty("batch", out var batch) || batch.ValueKind != JsonValueKind.Array)
            return Error.Validation("marketing.invalid_batch", "A batch request needs a 'batch' array of events.", "batch");
        var sentAt = SegmentMessage.Instant(root, "sentAt");
        if (!sentAt.IsSuccess)
            return sentAt.Error;
        return ReadMessages(batch.EnumerateArray(), receivedAt, sentAt.Value, SharedContext(root));
    }

    /// <summary>
    /// The batch's own <c>context</c>, for events without one: serialised once per batch, not once per event. When its text
    /// is invalid, the events that would take it are rejected and the others stored.
    /// </summary>
    private static Result<string?> SharedContext(JsonElement root)
    {
        if (!root.TryGetProperty("context", out var context) || context.ValueKind != JsonValueKind.Object)
            return (string?)null;
        if (JsonText.FindInvalid(context, "context") is { } found)
            return MarketingErrors.InvalidText(found.Path, found.InName);
        return context.GetRawText();
    }

    private static (List<TrackedEvent>, List<RejectedEvent>) ReadMessages(
        IEnumerable<JsonElement> messages, DateTimeOffset receivedAt, DateTimeOffset? sentAt, Result<string?> sharedContext)
    {
        var accepted = new List<TrackedEvent>();
        var rejected = new List<RejectedEvent>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in messages)
        {
            var parsed = SegmentMessage.Parse(item, null, receivedAt, sentAt, sharedContext.IsSuccess ? sharedContext.Value : null);
            if (parsed.IsSuccess && parsed.Value.Context is null && !sharedContext.IsSuccess)
                parsed = sharedContext.Error;
            if (!parsed.IsSuccess)
                rejected.Add(new RejectedEvent(index, parsed.Error.Code, $"{parsed.Error.Field}: {parsed.Error.Message}"));
            else if (seen.Add(parsed.Value.MessageId))
                accepted.Add(parsed.Value);
            index++;
        }
        return (accepted, rejected);
    }

    /// <summary>The body's write key; text that is not valid Unicode is no key (and GetString would throw on it).</summary>
    private static string? BodyWriteKey(JsonElement root) =>
        root.TryGetProperty("writeKey", out var key) && key.ValueKind == JsonValueKind.String && JsonText.IsValid(JsonMarshal.GetRawUtf8Value(key))
            ? key.GetString()
            : null;

    private static Result<JsonDocument> Parse(byte[] body)
    {
        try
        {
            // Some HTTP clients write a UTF-8 byte order mark; the JSON reader refuses one at the start of a byte buffer.
            var json = body.AsMemory();
            return JsonDocument.Parse(json.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? json[3..] : json);
        }
        catch (JsonException ex)
        {
            // JsonDocument has no "try" form; the parser's own message says where the JSON broke.
            return Error.Validation(IngestErrors.Malformed, $"The body is not valid JSON: {ex.Message}", "body");
        }
    }
}
