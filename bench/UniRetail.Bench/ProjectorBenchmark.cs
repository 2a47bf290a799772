using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using UniRetail.Cli.OnlineRetail;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Marketing.ConsumerAssets;
using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Persistence;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Projection;
using UniRetail.Marketing.Sources;
using UniRetail.Members.Contracts;
using UniRetail.Members.Registration;
using UniRetail.Server;

namespace UniRetail.Bench;

/// <summary>
/// One stream projected: events, the profiles they made, time taken, and the bare read of the same events; with the CPU
/// time this process used for each (on SQLite that is the engine's work too), which a box shared with other work disturbs
/// less than the wall clock.
/// </summary>
internal sealed record ProjectorReport(
    string Database, string Stream, bool Aipl, long Events, long Profiles, long Merges, TimeSpan Elapsed, TimeSpan ReadCeiling, TimeSpan Cpu, TimeSpan CeilingCpu)
{
    public double EventsPerSecond => Events / Elapsed.TotalSeconds;
    public double CeilingPerSecond => Events / ReadCeiling.TotalSeconds;
    public double Ratio => EventsPerSecond / CeilingPerSecond;
}

/// <summary>
/// Projector throughput: the Online Retail import (28,167 events, 5,981 people) and a synthetic web-and-app stream with a
/// merge per person, each projected from its first event by the product's own projector. The ceiling beside it is
/// reading the same events in the same order with the projector's own query and doing nothing with them.
/// </summary>
internal static class ProjectorBenchmark
{
    /// <summary>
    /// Each stream once per AIPL setting, into a tenant of its own: with AIPL off, then on (the projector then also reads
    /// properties and saves AIPL day rows).
    /// </summary>
    public static async Task<IReadOnlyList<ProjectorReport>> RunAsync(BenchDatabase database, string? onlineRetailFile, int syntheticPeople, IReadOnlyList<bool> aiplSettings, CancellationToken ct)
    {
        var reports = new List<ProjectorReport>();
        await using var host = await ModuleContainer.StartAsync(database.Options, ct);
        foreach (var aipl in aiplSettings)
        {
            host.Get<AiplSettings>().Enabled = aipl;
            if (onlineRetailFile is not null)
            {
                var tenant = await NewTenantAsync(host, $"UCI Online Retail {aipl}", ct);
                var import = new OnlineRetailImport(host.Get<RegisterMembers>(), host.Get<IMemberDirectory>(), host.Get<ManageSources>(), host.Get<IngestEvents>());
                await using (var file = File.OpenRead(onlineRetailFile))
                    (await import.RunAsync(tenant, file, null, ct)).Then(s => Result<int>.Success(s.EventsStored)).OrThrow("import");
                reports.Add(await MeasureAsync(host, database, "Online Retail import", tenant, ct));
            }
            var synthetic = await NewTenantAsync(host, $"Synthetic web and app {aipl}", ct);
            await SendSyntheticAsync(host, synthetic, syntheticPeople, ct);
            reports.Add(await MeasureAsync(host, database, $"synthetic: {syntheticPeople:N0} people, web + app, a merge each", synthetic, ct));
        }
        return reports;
    }

    /// <summary>Reads what the bank holds past the projector's position (the ceiling), then projects it, timed.</summary>
    public static async Task<ProjectorReport> MeasureAsync(ModuleContainer host, BenchDatabase database, string stream, TenantId tenant, CancellationToken ct)
    {
        var data = host.Get<UniRetail.Data.Database>();
        var feed = host.Get<EventFeed>();
        var aipl = host.Get<AiplSettings>().Enabled;
        var from = await data.ReadAsync(c => host.Get<ProjectionStore>().PositionAsync(c, ProfileProjector.Name), ct);
        using var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var ceiling = Stopwatch.StartNew();
        long read = 0;
        for (var at = from; ;)
        {
            var rows = await data.ReadAsync(c => feed.ReadAsync(c, at, ProfileProjector.BatchSize, aipl), ct);
            if (rows.Count == 0)
                break;
            read += rows.Count;
            at = new FeedPosition(rows[^1].TxId, rows[^1].EventSeq);
        }
        ceiling.Stop();
        process.Refresh();
        var ceilingCpu = process.TotalProcessorTime - cpu;
        cpu = process.TotalProcessorTime;
        var projecting = Stopwatch.StartNew();
        var projected = await host.Get<ProfileProjector>().CatchUpAsync(ct);
        projecting.Stop();
        process.Refresh();
        var projectorCpu = process.TotalProcessorTime - cpu;
        if (projected != read)
            throw new InvalidOperationException($"The projector read {projected} events, the ceiling loop {read}.");
        var admin = Caller.AdminOf(tenant);
        var profiles = await host.Get<ProfileQueries>().CountAsync(admin, ct);
        var merges = await data.ReadAsync(c => Dapper.SqlMapper.ExecuteScalarAsync<long>(c,
            "SELECT COUNT(*) FROM marketing_merge WHERE tenant_id = @Tenant", new { Tenant = tenant.Value }), ct);
        return new ProjectorReport(database.Name, stream, aipl, projected, profiles, merges, projecting.Elapsed, ceiling.Elapsed, projectorCpu, ceilingCpu);
    }

    private static async Task<TenantId> NewTenantAsync(ModuleContainer host, string name, CancellationToken ct) =>
        (await host.Get<CreateTenant>().HandleAsync(name, "GBP", ct)).Value.TenantId;

    /// <summary>
    /// Per person: four anonymous web events, a sign-in (identify with e-mail and phone), three signed-in events and an
    /// order; then the app, used anonymously (a profile of its own), identifies with the same e-mail, which merges the
    /// app's profile in: eleven events and one merge a person.
    /// </summary>
    private static async Task SendSyntheticAsync(ModuleContainer host, TenantId tenant, int people, CancellationToken ct)
    {
        var admin = Caller.AdminOf(tenant);
        var sources = host.Get<ManageSources>();
        var web = (await sources.EnsureAsync(admin, UniRetail.Marketing.Domain.SourceKind.Web, "Synthetic web", ct)).Value.Origin;
        var app = (await sources.EnsureAsync(admin, UniRetail.Marketing.Domain.SourceKind.App, "Synthetic app", ct)).Value.Origin;
        var ingest = host.Get<IngestEvents>();
        var start = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        const int PerWrite = 200;
        for (var first = 0; first < people; first += PerWrite)
        {
            var webEvents = new List<string>();
            var appEvents = new List<string>();
            for (var person = first; person < Math.Min(people, first + PerWrite); person++)
            {
                var at = start.AddSeconds(person);
                string Stamp(int minutes) => at.AddMinutes(minutes).ToString("O", CultureInfo.InvariantCulture);
                var anon = $"web-{person}";
                for (var page = 0; page < 4; page++)
                    webEvents.Add($$"""{"type":"page","anonymousId":"{{anon}}","name":"Product","properties":{"path":"/p/{{page}}"},"timestamp":"{{Stamp(page)}}","messageId":"w{{person}}-{{page}}"}""");
                webEvents.Add($$"""{"type":"identify","anonymousId":"{{anon}}","userId":"u-{{person}}","traits":{"email":"person{{person}}@example.com","phone":"+4477009{{person % 100000:D5}}","name":"Person {{person}}"},"timestamp":"{{Stamp(5)}}","messageId":"w{{person}}-i"}""");
                for (var view = 0; view < 3; view++)
                    webEvents.Add($$"""{"type":"track","userId":"u-{{person}}","event":"Product Viewed","properties":{"sku":"SKU-{{view}}"},"timestamp":"{{Stamp(6 + view)}}","messageId":"w{{person}}-v{{view}}"}""");
                webEvents.Add($$"""{"type":"track","userId":"u-{{person}}","event":"Order Completed","properties":{"order_id":"o-{{person}}","revenue":{{10 + person % 90}}.5,"currency":"GBP"},"timestamp":"{{Stamp(10)}}","messageId":"w{{person}}-o"}""");
                appEvents.Add($$"""{"type":"screen","anonymousId":"app-{{person}}","name":"Home","timestamp":"{{Stamp(59)}}","messageId":"a{{person}}-s"}""");
                appEvents.Add($$$"""{"type":"identify","anonymousId":"app-{{{person}}}","traits":{"email":"PERSON{{{person}}}@example.com"},"context":{"device":{"id":"device-{{{person}}}"}},"timestamp":"{{{Stamp(60)}}}","messageId":"a{{{person}}}-i"}""");
            }
            await SendAsync(ingest, web, webEvents, ct);
            await SendAsync(ingest, app, appEvents, ct);
        }
    }

    private static async Task SendAsync(IngestEvents ingest, UniRetail.Marketing.Domain.EventOrigin origin, List<string> events, CancellationToken ct)
    {
        using var document = JsonDocument.Parse("[" + string.Join(",", events) + "]");
        var outcome = await ingest.IngestAsync(origin, document.RootElement.EnumerateArray().ToList(), ct);
        outcome.Then(o => o.Rejected.Count == 0 ? Result<int>.Success(o.Stored) : Error.Validation("bench.rejected", o.Rejected[0].Reason)).OrThrow("synthetic events");
    }

    private static void OrThrow<T>(this Result<T> result, string what)
    {
        if (!result.IsSuccess)
            throw new InvalidOperationException($"{what}: {result.Error.Code}: {result.Error.Message}");
    }
}
