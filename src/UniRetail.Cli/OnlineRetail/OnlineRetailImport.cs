using System.Text.Json;
using UniRetail.Kernel;
using UniRetail.Marketing.Domain;
using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Sources;
using UniRetail.Members.Contracts;
using UniRetail.Members.Registration;

namespace UniRetail.Cli.OnlineRetail;

/// <summary>How far a stage of the import is: <see cref="Total"/> is 0 while it is not known.</summary>
internal sealed record ImportProgress(string Stage, long Done, long Total);

/// <summary>
/// Imports the UCI Online Retail data set into a tenant: a member per customer (external id <c>online-retail:ID</c>, found
/// again on a repeated import) and the customers and invoices as events through the event API's own ingestion, from one
/// <c>web</c> source kept for the import. Running it again stores nothing new.
/// </summary>
internal sealed class OnlineRetailImport(RegisterMembers registerMembers, IMemberDirectory members, ManageSources sources, IngestEvents ingest)
{
    public const string SourceName = "UCI Online Retail import";
    public const string ExternalSystem = "online-retail";
    public const int EventsPerWrite = 2_000;
    private const int MembersPerWrite = 1_000;

    public async Task<Result<OnlineRetailSummary>> RunAsync(TenantId tenant, Stream file, Action<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        progress ??= _ => { };
        var caller = Caller.AdminOf(tenant);
        var source = await sources.EnsureAsync(caller, SourceKind.Web, SourceName, ct);
        if (!source.IsSuccess)
            return source.Error;
        var book = Read(file, progress, ct);
        if (!book.IsSuccess)
            return book.Error;
        var registered = await RegisterAsync(caller, book.Value, progress, ct);
        if (!registered.IsSuccess)
            return registered.Error;
        var sent = await SendAsync(source.Value.Origin, book.Value, registered.Value.Ids, progress, ct);
        if (!sent.IsSuccess)
            return sent.Error;
        return OnlineRetailSummary.From(book.Value, source.Value, registered.Value, sent.Value);
    }

    private static Result<OnlineRetailBook> Read(Stream file, Action<ImportProgress> progress, CancellationToken ct)
    {
        var rows = OnlineRetailFile.ReadRows(file);
        if (!rows.IsSuccess)
            return rows.Error;
        var book = new OnlineRetailBook();
        var length = file.CanSeek ? file.Length : 0;
        foreach (var row in rows.Value)
        {
            book.Add(row);
            if (book.LinesRead % 20_000 == 0)
            {
                ct.ThrowIfCancellationRequested();
                progress(new ImportProgress("lines", file.CanSeek ? file.Position : book.LinesRead, length));
            }
        }
        progress(new ImportProgress("lines", length, length));
        return book;
    }

    private async Task<Result<MemberTally>> RegisterAsync(Caller caller, OnlineRetailBook book, Action<ImportProgress> progress, CancellationToken ct)
    {
        var tally = new MemberTally();
        foreach (var chunk in book.Customers.Chunk(MembersPerWrite))
        {
            var requests = chunk.Select(c => new RegisterMemberRequest(null, [new IdentifierRequest("external", ExternalId(c))])).ToList();
            var outcome = await registerMembers.HandleAsync(caller, requests, ct);
            if (!outcome.IsSuccess)
                return outcome.Error;
            foreach (var registered in outcome.Value.Registered)
                tally.Ids[chunk[registered.Index].CustomerId] = registered.Id;
            tally.Created += outcome.Value.Registered.Count;
            foreach (var rejected in outcome.Value.Rejected)
            {
                // Taken means a member already holds the customer's id: an earlier import, or someone who added it by hand.
                var customer = chunk[rejected.Index];
                var existing = rejected.Error.Code == "members.identifier_taken"
                    ? await members.FindByIdentifierAsync(caller.Tenant, IdentifierKind.External, ExternalId(customer), ct)
                    : null;
                if (existing is null)
                    return rejected.Error;
                tally.Ids[customer.CustomerId] = existing.Value;
                tally.Existing++;
            }
            progress(new ImportProgress("members", tally.Ids.Count, book.CustomerCount));
        }
        return tally;
    }

    private async Task<Result<EventTally>> SendAsync(
        EventOrigin origin, OnlineRetailBook book, Dictionary<string, MemberId> ids, Action<ImportProgress> progress, CancellationToken ct)
    {
        var tally = new EventTally();
        var total = book.CustomerCount + book.Invoices.Count;
        var messages = book.Customers.Select(c => OnlineRetailEvents.Identify(c, ids[c.CustomerId]))
            .Concat(book.Invoices.Select(invoice =>
            {
                var (message, omitted) = OnlineRetailEvents.Order(invoice, invoice.CustomerId is { } c ? ids[c] : null);
                tally.Cut(omitted);
                return message;
            }));
        foreach (var chunk in messages.Chunk(EventsPerWrite))
        {
            using var batch = JsonDocument.Parse(Batch(chunk));
            var outcome = await ingest.IngestAsync(origin, batch.RootElement.EnumerateArray().ToList(), ct);
            if (!outcome.IsSuccess)
                return outcome.Error;
            tally.Add(chunk.Length, outcome.Value);
            progress(new ImportProgress("events", tally.Sent, total));
        }
        return tally;
    }

    private static byte[] Batch(byte[][] messages)
    {
        using var buffer = new MemoryStream();
        buffer.WriteByte((byte)'[');
        for (var i = 0; i < messages.Length; i++)
        {
            if (i > 0)
                buffer.WriteByte((byte)',');
            buffer.Write(messages[i]);
        }
        buffer.WriteByte((byte)']');
        return buffer.ToArray();
    }

    private static string ExternalId(RetailCustomer customer) => $"{ExternalSystem}:{customer.CustomerId}";
}

internal sealed class MemberTally
{
    public Dictionary<string, MemberId> Ids { get; } = new(StringComparer.Ordinal);
    public int Created { get; set; }
    public int Existing { get; set; }
}

internal sealed class EventTally
{
    public int Sent { get; private set; }
    public int Stored { get; private set; }
    public int Duplicates { get; private set; }
    public int InvoicesCut { get; private set; }
    public int ProductLinesOmitted { get; private set; }
    public List<RejectedEvent> Rejected { get; } = [];

    public void Cut(int omitted)
    {
        if (omitted == 0)
            return;
        InvoicesCut++;
        ProductLinesOmitted += omitted;
    }

    public void Add(int sent, IngestOutcome outcome)
    {
        // Duplicates within one write are dropped before the store; counted here with the ones the store already had.
        Duplicates += sent - outcome.Rejected.Count - outcome.Stored;
        Stored += outcome.Stored;
        Rejected.AddRange(outcome.Rejected.Select(r => r with { Index = r.Index + Sent }));
        Sent += sent;
    }
}
