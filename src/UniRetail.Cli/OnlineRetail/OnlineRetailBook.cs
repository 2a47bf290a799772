namespace UniRetail.Cli.OnlineRetail;

/// <summary>A customer of the data set: the country and time of their first line.</summary>
internal sealed record RetailCustomer(string CustomerId, string Country, DateTime FirstSeen);

/// <summary>A line of an invoice that was kept: quantity positive for an order, negative for a cancellation.</summary>
internal sealed record InvoiceItem(string StockCode, string Description, int Quantity, decimal UnitPrice);

/// <summary>An invoice with its kept lines; <see cref="Date"/> is its first line's (UK local time, as the file stores it).</summary>
internal sealed class RetailInvoice(string number, string? customerId, DateTime date)
{
    public string Number { get; } = number;
    public string? CustomerId { get; } = customerId;
    public DateTime Date { get; } = date;
    public List<InvoiceItem> Items { get; } = [];

    /// <summary>'C' invoices cancel (return) goods: their quantities are negative.</summary>
    public bool IsCancellation => Number.StartsWith('C');

    /// <summary>The invoice's value, positive: what was paid for an order, what was refunded for a cancellation.</summary>
    public decimal Amount => Math.Abs(Items.Sum(i => i.Quantity * i.UnitPrice));
}

/// <summary>
/// The file read into customers and invoices. Every well-formed line counts its customer and its invoice; a line is
/// kept as an invoice item only when it is a sale or a return of goods, and a line that is not is counted by reason.
/// </summary>
internal sealed class OnlineRetailBook
{
    public const string BadRow = "unreadable row";
    public const string BadDebt = "bad-debt adjustment ('A' invoice)";
    public const string ZeroPrice = "zero unit price (stock adjustment or free item)";
    public const string NegativePrice = "negative unit price";
    public const string WrongSign = "quantity sign does not match the invoice (order > 0, cancellation < 0)";
    public const string OtherCustomer = "customer differs from the invoice's first line";

    private readonly Dictionary<string, RetailCustomer> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RetailInvoice?> _invoices = new(StringComparer.Ordinal);
    private readonly List<RetailInvoice> _kept = [];
    private readonly Dictionary<string, int> _skipped = new(StringComparer.Ordinal);
    private readonly List<string> _badRows = [];

    public long LinesRead { get; private set; }

    /// <summary>Customers in order of first appearance.</summary>
    public IEnumerable<RetailCustomer> Customers => _customers.Values;

    public int CustomerCount => _customers.Count;

    /// <summary>Distinct invoice numbers of the well-formed lines, whether or not any of their lines was kept.</summary>
    public int InvoiceCount => _invoices.Count;

    /// <summary>Invoices with at least one kept line, in order of first appearance.</summary>
    public IReadOnlyList<RetailInvoice> Invoices => _kept;

    /// <summary>Skipped lines by reason.</summary>
    public IReadOnlyDictionary<string, int> Skipped => _skipped;

    /// <summary>The first unreadable rows, as "line N: problem".</summary>
    public IReadOnlyList<string> BadRows => _badRows;

    public void Add(OnlineRetailRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        LinesRead++;
        if (row.Line is not { } line)
        {
            if (_badRows.Count < 10)
                _badRows.Add($"line {row.LineNumber}: {row.Problem}");
            Skip(BadRow);
            return;
        }
        if (line.CustomerId is { } customer && !_customers.ContainsKey(customer))
            _customers.Add(customer, new RetailCustomer(customer, line.Country, line.InvoiceDate));
        _invoices.TryGetValue(line.InvoiceNo, out var invoice);
        var isCancellation = line.InvoiceNo.StartsWith('C');
        var reason = line switch
        {
            _ when line.InvoiceNo.StartsWith('A') => BadDebt,
            { UnitPrice: 0 } => ZeroPrice,
            { UnitPrice: < 0 } => NegativePrice,
            _ when (isCancellation ? line.Quantity >= 0 : line.Quantity <= 0) => WrongSign,
            _ when invoice is not null && invoice.CustomerId != line.CustomerId => OtherCustomer,
            _ => null,
        };
        if (reason is not null)
        {
            _invoices.TryAdd(line.InvoiceNo, null);
            Skip(reason);
            return;
        }
        if (invoice is null)
        {
            invoice = new RetailInvoice(line.InvoiceNo, line.CustomerId, line.InvoiceDate);
            _invoices[line.InvoiceNo] = invoice;
            _kept.Add(invoice);
        }
        invoice.Items.Add(new InvoiceItem(line.StockCode, line.Description, line.Quantity, line.UnitPrice));
    }

    private void Skip(string reason) => _skipped[reason] = _skipped.GetValueOrDefault(reason) + 1;
}
