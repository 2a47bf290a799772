using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using UniRetail.Kernel;
using UniRetail.Marketing.Events;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Projection;
using UniRetail.Marketing.Stitching;
using UniRetail.Server;

namespace UniRetail.Cli.Commands;

internal static class ProfileCommands
{
    public static Command Create()
    {
        var tenant = new Option<string>("--tenant") { Description = "The tenant: its id (ten_...) or its name", Required = true };
        var email = new Option<string?>("--email") { Description = "Find the person by e-mail address" };
        var phone = new Option<string?>("--phone") { Description = "Find the person by phone number (E.164 or national)" };
        var userId = new Option<string?>("--user-id") { Description = "Find the person by the user id a source sends" };
        var id = new Option<string?>("--id") { Description = "The profile id (prof_...)" };
        var json = new Option<bool>("--json") { Description = "Print the profile and its recent events as JSON" };
        var show = new Command("show", "Show one person: identifiers, traits, consent, aggregates and latest events") { tenant, email, phone, userId, id, json };
        show.SetAction(async (result, ct) =>
        {
            var lookups = new[] { ("email", result.GetValue(email)), ("phone", result.GetValue(phone)), ("user_id", result.GetValue(userId)), ("id", result.GetValue(id)) }
                .Where(l => l.Item2 is not null).ToList();
            if (lookups.Count != 1)
                return CliOutput.Fail("give exactly one of --email, --phone, --user-id or --id");
            await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
            await host.Get<ProfileProjector>().CatchUpAsync(ct);
            var tenantId = await TenantArgument.ResolveAsync(host, result.GetValue(tenant), ct);
            if (!tenantId.IsSuccess)
                return CliOutput.Fail(tenantId.Error);
            var caller = Caller.AdminOf(tenantId.Value);
            var queries = host.Get<ProfileQueries>();
            var (type, value) = lookups[0];
            var profile = type == "id" ? await queries.ShowAsync(caller, value!, ct) : await queries.FindAsync(caller, type, value, ct);
            if (!profile.IsSuccess)
                return CliOutput.Fail(profile.Error);
            var timeline = await queries.TimelineAsync(caller, profile.Value.ProfileId, new PageQuery(10, null), ct);
            if (result.GetValue(json))
                CliOutput.WriteJson(new { profile = profile.Value, latestEvents = timeline.Value.Items });
            else
                Print(profile.Value, timeline.Value.Items);
            return CliOutput.Ok;
        });
        return new Command("profiles", "Profiles of the data bank: one person across every source") { show, Restitch() };
    }

    /// <summary>
    /// <c>profiles restitch --tenant T</c>: rebuilds the tenant's profiles from its events with the current identity rules and
    /// waits for the end; run again after an interruption, it resumes the running job rather than starting over.
    /// </summary>
    private static Command Restitch()
    {
        var tenant = new Option<string>("--tenant") { Description = "The tenant: its id (ten_...) or its name", Required = true };
        var status = new Option<bool>("--status") { Description = "Only show the tenant's last or running re-stitch" };
        var command = new Command("restitch", "Rebuild a tenant's profiles from its events with the current identity rules (resumes a running one)") { tenant, status };
        command.SetAction(async (result, ct) =>
        {
            await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
            var tenantId = await TenantArgument.ResolveAsync(host, result.GetValue(tenant), ct);
            if (!tenantId.IsSuccess)
                return CliOutput.Fail(tenantId.Error);
            var caller = Caller.AdminOf(tenantId.Value);
            var restitch = host.Get<RestitchProfiles>();
            if (!result.GetValue(status))
            {
                // Profiles must be current before the live projector steps aside for this tenant.
                await host.Get<ProfileProjector>().CatchUpAsync(ct);
                var started = await restitch.StartAsync(caller, "cli", ct);
                if (!started.IsSuccess)
                    return CliOutput.Fail(started.Error);
                Console.WriteLine($"re-stitching {tenantId.Value.Value} ({started.Value.JobId}, started {started.Value.StartedAt:u})");
                await host.Get<Restitcher>().RunAsync(tenantId.Value, new Progress<long>(n => Console.WriteLine($"  {n:N0} events replayed")), ct);
                await host.Get<ProfileProjector>().CatchUpAsync(ct);
            }
            var job = await restitch.StatusAsync(caller, ct);
            if (!job.IsSuccess)
                return CliOutput.Fail(job.Error);
            var j = job.Value;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{j.JobId}: {j.State}; {j.EventsReplayed:N0} events replayed; live profiles {j.ProfilesBefore:N0} before, {(j.ProfilesAfter is { } after ? after.ToString("N0", CultureInfo.InvariantCulture) : "-")} after"));
            return CliOutput.Ok;
        });
        return command;
    }

    private static void Print(ProfileView profile, IReadOnlyList<EventView> timeline)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{profile.ProfileId}[/]  created {profile.CreatedAt:u}  members: {string.Join(", ", profile.MemberIds)}");
        var identifiers = new Table().AddColumns("Identifier", "Value", "Source", "First seen");
        foreach (var i in profile.Identifiers)
            identifiers.AddRow(Markup.Escape(i.Type), Markup.Escape(i.Value), Markup.Escape(i.SourceId), i.FirstSeen.ToString("u", CultureInfo.InvariantCulture));
        AnsiConsole.Write(identifiers);
        if (profile.Traits is { Count: > 0 } traits)
        {
            var table = new Table().AddColumns("Trait", "Value", "Set at", "Source");
            foreach (var (name, trait) in traits.OrderBy(t => t.Key, StringComparer.Ordinal))
                table.AddRow(Markup.Escape(name), Markup.Escape(trait.Value.GetRawText()), trait.At.ToString("u", CultureInfo.InvariantCulture), Markup.Escape(trait.SourceId));
            AnsiConsole.Write(table);
        }
        if (profile.Aggregates is { } a)
        {
            var revenue = string.Join(", ", a.Revenue.Select(r => $"{r.Amount.ToString("0.00", CultureInfo.InvariantCulture)} {r.Currency}"));
            AnsiConsole.MarkupLineInterpolated(
                $"seen {a.FirstSeen:u} .. {a.LastSeen:u}; {a.Events} events, {a.Orders} orders, {a.Refunds} refunds, revenue {revenue}; last purchase {a.LastPurchase:u}; favourite store {a.FavouriteStore ?? "-"}; channels {string.Join(", ", a.Channels)}");
        }
        AnsiConsole.MarkupLineInterpolated($"consent: {string.Join(", ", profile.Consent.Select(c => $"{c.Purpose}={(c.Granted ? "yes" : "no")}{(c.Recorded ? "" : " (default)")}"))}");
        var events = new Table().AddColumns("When", "Type", "Event", "Source", "Store");
        foreach (var e in timeline)
            events.AddRow(e.Timestamp.ToString("u", CultureInfo.InvariantCulture), e.Type, Markup.Escape(e.Event ?? e.Name ?? ""), Markup.Escape(e.SourceKind), Markup.Escape(e.LocationId ?? ""));
        AnsiConsole.Write(events);
    }
}
