using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using UniRetail.Cli.OnlineRetail;
using UniRetail.Identity.Tenants;
using UniRetail.Kernel;
using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Profiles;
using UniRetail.Marketing.Projection;
using UniRetail.Marketing.Sources;
using UniRetail.Members.Contracts;
using UniRetail.Members.Registration;
using UniRetail.Server;

namespace UniRetail.Cli.Commands;

/// <summary><c>uniretail import online-retail FILE [--tenant ID]</c>: the import with a progress display and its counts.</summary>
internal static class OnlineRetailCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "online_retail.csv.gz (or .csv) of the UCI Online Retail data set" };
        var tenant = new Option<string?>("--tenant") { Description = "The tenant to import into; without it a new GBP tenant is created" };
        var command = new Command("online-retail", "Import the UCI Online Retail data set: customers as members, invoices as events of a web source; re-running stores nothing twice")
        {
            file, tenant,
        };
        command.SetAction(async (result, ct) =>
        {
            var path = result.GetValue(file)!;
            if (!path.Exists)
                return CliOutput.Fail($"no such file: {path.FullName}");
            // Redirected output defaults to 80 columns, too narrow for the table.
            if (Console.IsOutputRedirected)
                AnsiConsole.Profile.Width = 120;
            await using var host = await ModuleContainer.StartAsync(GlobalOptions.Database(result), ct);
            var tenantId = await TenantAsync(host, result.GetValue(tenant), ct);
            if (!tenantId.IsSuccess)
                return CliOutput.Fail(tenantId.Error);
            var import = new OnlineRetailImport(host.Get<RegisterMembers>(), host.Get<IMemberDirectory>(), host.Get<ManageSources>(), host.Get<IngestEvents>());
            var clock = Stopwatch.StartNew();
            Result<OnlineRetailSummary> imported;
            await using (var stream = path.OpenRead())
            {
                imported = await AnsiConsole.Progress().Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var tasks = new Dictionary<string, ProgressTask>
                        {
                            ["lines"] = progress.AddTask("Reading the file"),
                            ["members"] = progress.AddTask("Customers → members"),
                            ["events"] = progress.AddTask("Events → data bank"),
                        };
                        var outcome = await import.RunAsync(tenantId.Value, stream, p =>
                        {
                            var task = tasks[p.Stage];
                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = Math.Min(p.Done, task.MaxValue);
                        }, ct);
                        foreach (var task in tasks.Values)
                            task.Value = task.MaxValue;
                        return outcome;
                    });
            }
            if (!imported.IsSuccess)
                return CliOutput.Fail(imported.Error);
            Print(imported.Value, clock.Elapsed);
            // Profiles are the projector's work; the server runs it in the background, the CLI brings it up to date here.
            var projecting = Stopwatch.StartNew();
            var projected = await host.Get<ProfileProjector>().CatchUpAsync(ct);
            var profiles = await host.Get<ProfileQueries>().CountAsync(Caller.AdminOf(tenantId.Value), ct);
            AnsiConsole.MarkupLine(CultureInfo.InvariantCulture,
                "profiles:  {0:N0} people in the data bank; the projector applied {1:N0} new events in {2:F1} s",
                profiles, projected, projecting.Elapsed.TotalSeconds);
            return imported.Value.EventsRejected.Count == 0 ? CliOutput.Ok : CliOutput.Failed;
        });
        return command;
    }

    private static async Task<Result<TenantId>> TenantAsync(ModuleContainer host, string? tenant, CancellationToken ct)
    {
        if (tenant is not null)
            return await TenantArgument.ResolveAsync(host, tenant, ct);
        var created = await host.Get<CreateTenant>().HandleAsync("UCI Online Retail", "GBP", ct);
        if (!created.IsSuccess)
            return created.Error;
        AnsiConsole.MarkupLine($"tenant:    [bold]{created.Value.TenantId}[/] (created; pass --tenant {created.Value.TenantId} to import again)");
        AnsiConsole.MarkupLine($"admin key: {Markup.Escape(created.Value.AdminKey)} (shown once)");
        return created.Value.TenantId;
    }

    private static void Print(OnlineRetailSummary s, TimeSpan elapsed)
    {
        static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
        static string Gbp(decimal amount) => "£" + amount.ToString("N2", CultureInfo.InvariantCulture);
        var table = new Table().Title($"Online Retail import ({elapsed.TotalSeconds:F1} s)").AddColumns("count", "value");
        table.AddRow("lines read", N(s.LinesRead));
        table.AddRow("lines skipped", N(s.LinesSkipped));
        foreach (var (reason, lines) in s.SkippedLines.OrderByDescending(r => r.Value))
            table.AddRow($"  {Markup.Escape(reason)}", N(lines));
        foreach (var bad in s.BadRows)
            table.AddRow("  [grey]unreadable[/]", Markup.Escape(bad));
        table.AddRow("customers", N(s.Customers));
        table.AddRow("  members created", N(s.MembersCreated));
        table.AddRow("  members already present", N(s.MembersExisting));
        table.AddRow("invoices", N(s.Invoices));
        table.AddRow("  orders (Order Completed)", N(s.Orders));
        table.AddRow("  cancellations (Order Refunded)", N(s.Cancellations));
        table.AddRow("  of which anonymous (no CustomerID)", N(s.AnonymousInvoices));
        table.AddRow("  without goods (no event)", N(s.InvoicesWithoutGoods));
        table.AddRow("revenue (orders)", Gbp(s.Revenue));
        table.AddRow("refunded (cancellations)", Gbp(s.Refunded));
        table.AddRow("net revenue", Gbp(s.Revenue - s.Refunded));
        table.AddRow("source", Markup.Escape($"{s.Source.SourceId} ({s.Source.Kind}, \"{s.Source.Name}\"{(s.SourceCreated ? ", created" : "")})"));
        table.AddRow("events sent", N(s.EventsSent));
        table.AddRow("  stored", N(s.EventsStored));
        table.AddRow("  already present", N(s.EventsAlreadyPresent));
        table.AddRow("  rejected", s.EventsRejected.Count == 0 ? "0" : $"[red]{N(s.EventsRejected.Count)}[/]");
        foreach (var rejected in s.EventsRejected.Take(5))
            table.AddRow($"  [grey]event {rejected.Index}[/]", Markup.Escape($"{rejected.Code}: {rejected.Reason}"));
        if (s.InvoicesCut > 0)
            table.AddRow("products lists cut to 32 KB", $"{N(s.InvoicesCut)} invoices, {N(s.ProductLinesOmitted)} lines left out (amounts count them)");
        AnsiConsole.Write(table);
    }
}
