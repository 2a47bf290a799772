using UniRetail.Marketing.Ingest;
using UniRetail.Marketing.Sources;

namespace UniRetail.Cli.OnlineRetail;

/// <summary>What an import read and wrote, in counts that can be checked against the data set.</summary>
internal sealed record OnlineRetailSummary(
    long LinesRead,
    IReadOnlyDictionary<string, int> SkippedLines,
    IReadOnlyList<string> BadRows,
    int Customers,
    int MembersCreated,
    int MembersExisting,
    int Invoices,
    int Orders,
    int Cancellations,
    int AnonymousInvoices,
    decimal Revenue,
    decimal Refunded,
    SourceView Source,
    bool SourceCreated,
    int EventsSent,
    int EventsStored,
    int EventsAlreadyPresent,
    IReadOnlyList<RejectedEvent> EventsRejected,
    int InvoicesCut,
    int ProductLinesOmitted)
{
    public long LinesSkipped => SkippedLines.Values.Sum();

    /// <summary>Invoices none of whose lines is a sale or a return (all zero-price or adjustments): no event.</summary>
    public int InvoicesWithoutGoods => Invoices - Orders - Cancellations;

    public static OnlineRetailSummary From(OnlineRetailBook book, SourceEnsured source, MemberTally members, EventTally events)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(events);
        var cancellations = book.Invoices.Where(i => i.IsCancellation).ToList();
        return new OnlineRetailSummary(
            book.LinesRead, book.Skipped, book.BadRows,
            book.CustomerCount, members.Created, members.Existing,
            book.InvoiceCount, book.Invoices.Count - cancellations.Count, cancellations.Count, book.Invoices.Count(i => i.CustomerId is null),
            book.Invoices.Where(i => !i.IsCancellation).Sum(i => i.Amount), cancellations.Sum(i => i.Amount),
            source.Source, source.Created,
            events.Sent, events.Stored, events.Duplicates, events.Rejected, events.InvoicesCut, events.ProductLinesOmitted);
    }
}
