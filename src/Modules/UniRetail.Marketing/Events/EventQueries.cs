using System.Globalization;
using System.Text.Json;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Marketing.Consent;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Persistence;

namespace UniRetail.Marketing.Events;

/// <summary>An event of the bank as marketers read it. Its storage sequence number is not shown: numbered across tenants, it would tell one tenant how much the others send.</summary>
internal sealed record EventView(
    string MessageId, string SourceId, string SourceKind, string? LocationId, string Type, string? Event, string? Name,
    string? UserId, string? AnonymousId, string? PreviousId, string? GroupId, DateTimeOffset Timestamp, DateTimeOffset ReceivedAt,
    JsonElement? Properties, JsonElement? Traits, JsonElement? Context)
{
    public static EventView From(EventRow row) => new(
        row.MessageId, row.SourceId, row.SourceKind, row.LocationId, row.Type, row.Event, row.Name, row.UserId, row.AnonymousId,
        row.PreviousId, row.GroupId, DateTimeOffset.FromUnixTimeMilliseconds(row.TimestampMs), DateTimeOffset.FromUnixTimeMilliseconds(row.ReceivedAtMs),
        Json(row.Properties), Json(row.Traits), Json(row.Context));

    /// <summary>Text that is not valid Unicode (stored before ingestion refused it) reads as U+FFFD.</summary>
    private static JsonElement? Json(string? text) => text is null ? null : JsonText.ReadStored(text);
}

/// <summary>
/// Reads the caller's tenant's events in the order they were stored, optionally for one user or anonymous id. A marketer
/// does not see the events of people who refused analytics (a page can then hold fewer than <c>limit</c> events; page on
/// with its <c>next</c>, as always).
/// </summary>
internal sealed class EventQueries(Database database, EventStore events, ProfileStore profiles)
{
    public async Task<Slice<EventView>> ListAsync(Caller caller, string? userId, string? anonymousId, PageQuery page, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var after = long.TryParse(page.After, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq : 0;
        var filter = new EventFilter(after, page.RowsToRead, Blank(userId), Blank(anonymousId));
        var read = await database.ReadAsync(async c =>
        {
            var rows = Slice<EventRow>.Of(await events.ListAsync(c, caller.Tenant, filter), page, r => r.EventSeq.ToString(CultureInfo.InvariantCulture));
            if (caller.Role == Role.Admin || rows.Items.Count == 0)
                return rows;
            var refused = await profiles.RefusedAsync(c, caller.Tenant, ConsentPurpose.Analytics,
                rows.Items.SelectMany(r => new[] { r.UserId, r.AnonymousId }).OfType<string>());
            return refused.Count == 0 ? rows : rows with { Items = rows.Items.Where(r => !Refused(r, refused)).ToList() };
        }, ct);
        return read.Map(EventView.From);
    }

    /// <summary>The most events <see cref="NewestAsync"/> reads at once.</summary>
    public const int MaxNewest = 200;

    /// <summary>
    /// The tenant's newest events, newest first (at most <see cref="MaxNewest"/>), with the same consent rule as the list:
    /// the console's live stream re-reads this window, so an event that commits late with an earlier position still shows.
    /// </summary>
    public async Task<IReadOnlyList<EventView>> NewestAsync(Caller caller, string? userId, string? anonymousId, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var rows = await database.ReadAsync(async c =>
        {
            var newest = await events.NewestAsync(c, caller.Tenant, Math.Clamp(limit, 1, MaxNewest), Blank(userId), Blank(anonymousId));
            if (caller.Role == Role.Admin || newest.Count == 0)
                return newest;
            var refused = await profiles.RefusedAsync(c, caller.Tenant, ConsentPurpose.Analytics,
                newest.SelectMany(r => new[] { r.UserId, r.AnonymousId }).OfType<string>());
            return refused.Count == 0 ? newest : newest.Where(r => !Refused(r, refused)).ToList();
        }, ct);
        return rows.Select(EventView.From).ToList();
    }

    private static bool Refused(EventRow row, HashSet<(string Type, string Value)> refused) =>
        (row.UserId is { } user && (refused.Contains(("user_id", user)) || refused.Contains(("member_id", user))))
        || (row.AnonymousId is { } anonymous && refused.Contains(("anonymous_id", anonymous)));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
