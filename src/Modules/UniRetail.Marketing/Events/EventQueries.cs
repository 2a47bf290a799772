using System.Text.Json;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;

namespace UniRetail.Marketing.Events;

/// <summary>An event of the bank as marketers read it; <c>seq</c> is the position to page (and later project) from.</summary>
internal sealed record EventView(
    long Seq, string MessageId, string SourceId, string SourceKind, string? LocationId, string Type, string? Event, string? Name,
    string? UserId, string? AnonymousId, string? PreviousId, string? GroupId, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt,
    JsonElement? Properties, JsonElement? Traits, JsonElement? Context)
{
    public static EventView From(EventRow row) => new(
        row.EventSeq, row.MessageId, row.SourceId, row.SourceKind, row.LocationId, row.Type, row.Event, row.Name, row.UserId, row.AnonymousId,
        row.PreviousId, row.GroupId, DateTimeOffset.FromUnixTimeMilliseconds(row.TimestampMs), DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAtMs),
        Json(row.Properties), Json(row.Traits), Json(row.Context));

    private static JsonElement? Json(string? text)
    {
        if (text is null)
            return null;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

/// <summary>Reads the caller's tenant's events in sequence order, optionally for one user or anonymous id.</summary>
internal sealed class EventQueries(Database database, EventStore events)
{
    public async Task<Result<IReadOnlyList<EventView>>> ListAsync(Caller caller, long? after, int? limit, string? userId, string? anonymousId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role is not (Role.Admin or Role.Marketer))
            return MarketingErrors.ReadersOnly();
        if (after < 0)
            return MarketingErrors.BadAfter();
        if (limit is < 1 or > 1000)
            return MarketingErrors.BadLimit();
        var filter = new EventFilter(after ?? 0, limit ?? 100, Blank(userId), Blank(anonymousId));
        var rows = await database.ReadAsync(c => events.ListAsync(c, caller.Tenant.Value, filter), ct);
        return rows.Select(EventView.From).ToList();
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
