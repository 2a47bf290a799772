using System.Text.Json;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
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

    /// <summary>Text that is not valid Unicode (stored before ingestion refused it) reads as U+FFFD.</summary>
    private static JsonElement? Json(string? text) => text is null ? null : JsonText.ReadStored(text);
}

/// <summary>
/// Reads the caller's tenant's events in sequence order, optionally for one user or anonymous id. A marketer does not
/// see the events of people who refused analytics (a page can then hold fewer than <c>limit</c> events; page on from
/// the last <c>seq</c> asked for, as always).
/// </summary>
internal sealed class EventQueries(Database database, EventStore events, ProfileStore profiles)
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
        var rows = await database.ReadAsync(async c =>
        {
            var page = await events.ListAsync(c, caller.Tenant, filter);
            if (caller.Role == Role.Admin || page.Count == 0)
                return page;
            var refused = await profiles.RefusedAsync(c, caller.Tenant, ConsentPurpose.Analytics,
                page.SelectMany(r => new[] { r.UserId, r.AnonymousId }).OfType<string>());
            return refused.Count == 0 ? page : page.Where(r => !Refused(r, refused)).ToList();
        }, ct);
        return rows.Select(EventView.From).ToList();
    }

    private static bool Refused(EventRow row, HashSet<(string Type, string Value)> refused) =>
        (row.UserId is { } user && (refused.Contains(("user_id", user)) || refused.Contains(("member_id", user))))
        || (row.AnonymousId is { } anonymous && refused.Contains(("anonymous_id", anonymous)));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
