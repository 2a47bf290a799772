using UniRetail.Data;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Marketing.Projection;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Marketing.Tests;

/// <summary>
/// The daily snapshot the server's timer takes: each finished day once, only after the projector has read the day's events,
/// with the counts the AIPL query gives for that day. The clock starts an hour before the end of Friday 9 January 2026.
/// </summary>
public abstract class DailySnapshotTests(DatabaseProvider provider) : DataBankTest(provider)
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 1, 9, 23, 0, 0, TimeSpan.Zero));

    protected override TimeProvider? Clock => _clock;

    private const string Events = """
        {"type":"track","userId":"ann","event":"Product Viewed","properties":{"category":"Garden"},"timestamp":"2026-01-08T09:00:00Z","messageId":"ann-1"},
        {"type":"track","userId":"bob","event":"Product Added","properties":{"category":"Kitchen"},"timestamp":"2026-01-09T10:00:00Z","messageId":"bob-1"},
        {"type":"track","userId":"cy","event":"Order Completed","properties":{"revenue":20,"currency":"GBP","products":[{"sku":"K1","category":"Kitchen","price":10,"quantity":2}]},"timestamp":"2026-01-09T11:00:00Z","messageId":"cy-1"}
        """;

    private Task<int> TakeDueAsync() => Get<DailySnapshots>().TakeDueAsync(Ct);

    private async Task<IReadOnlyList<AiplCountsView>> HistoryAsync(string category) =>
        (await Get<AiplQueries>().HistoryAsync(Admin, category, "2025-12-01", "2026-02-28", Ct)).Value;

    /// <summary>The newest brand snapshot: its day and how many people it counted.</summary>
    private async Task<(DateOnly Date, long Total)> LastBrandAsync()
    {
        var last = (await HistoryAsync("brand"))[^1];
        return (last.Date, last.Total);
    }

    [Fact]
    public async Task DailySnapshot_WaitsForTheProjector_ThenKeepsEachFinishedDayOnce()
    {
        await SendAsync(Web, Events);
        _clock.Advance(TimeSpan.FromHours(1.1));

        // The 9th has ended, but the events received on it are not projected yet: its counts would miss them.
        Assert.Equal(0, await TakeDueAsync());
        await Get<ProfileProjector>().CatchUpAsync(Ct);

        // The week up to yesterday (3 to 9 January), once; a second pass finds nothing due.
        Assert.Equal(DailySnapshots.CatchUpDays, await TakeDueAsync());
        Assert.Equal(0, await TakeDueAsync());
        var brand = await HistoryAsync("brand");
        Assert.Equal(Enumerable.Range(3, 7).Select(d => new DateOnly(2026, 1, d)), brand.Select(s => s.Date));
        var live = (await Get<AiplQueries>().CountsAsync(Admin, null, "2026-01-09", Ct)).Value;
        Assert.Equal(live.Stages, brand[^1].Stages);
        Assert.Equal("1/1/1/0", string.Join("/", brand[^1].Stages.Select(s => s.People)));
        var kitchen = Assert.Single(await HistoryAsync("Kitchen"));
        Assert.Equal((new DateOnly(2026, 1, 9), 2L), (kitchen.Date, kitchen.Total));

        // A day later, only the 10th is due (with Dan, whose event of the 10th came in late); one taken by hand before the
        // timer is kept as it was.
        _clock.Advance(TimeSpan.FromDays(1));
        await SendAsync(Web, """{"type":"track","userId":"dan","event":"Product Viewed","timestamp":"2026-01-10T09:00:00Z","messageId":"dan-1"}""");
        await Get<ProfileProjector>().CatchUpAsync(Ct);
        Assert.Equal(1, await TakeDueAsync());
        Assert.Equal((new DateOnly(2026, 1, 10), 4L), await LastBrandAsync());
        await Get<AiplQueries>().SnapshotAsync(Admin, "2026-01-11", Ct);
        _clock.Advance(TimeSpan.FromDays(1));
        await SendAsync(Web, """{"type":"track","userId":"eve","event":"Product Viewed","timestamp":"2026-01-11T09:00:00Z","messageId":"eve-1"}""");
        await Get<ProfileProjector>().CatchUpAsync(Ct);
        Assert.Equal(0, await TakeDueAsync());
        Assert.Equal((new DateOnly(2026, 1, 11), 4L), await LastBrandAsync());
    }
}

public sealed class DailySnapshotSqliteTests() : DailySnapshotTests(DatabaseProvider.Sqlite);

public sealed class DailySnapshotPostgresTests() : DailySnapshotTests(DatabaseProvider.Postgres);
