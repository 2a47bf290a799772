using UniRetail.Catalog.Domain;
using UniRetail.Kernel;
using UniRetail.Orders.PlaceOrder;
using UniRetail.Server;
using UniRetail.Store.Checkout;
using UniRetail.Store.MemberCodes;
using UniRetail.Store.Tills;

namespace UniRetail.Cli.Demo;

/// <summary>One store's till day as its Z report closed it.</summary>
internal sealed record StoreTillDay(string StoreId, TillReportView Report);

/// <summary>
/// Every store's till T1 for the trading day: opened with a £150 float, a shopper at the till checks out in one call (the
/// member shows their app's member code, the lines are scanned by GTIN, cash tendered to the next £10), and closed at the
/// end with the drawer counted, each store's Z report kept for the demo's table.
/// </summary>
internal sealed class DemoTills(ModuleContainer host, Caller retailer, IReadOnlyList<DemoProduct> products)
{
    private readonly Dictionary<string, string> _sessions = [];
    private readonly Dictionary<string, (string Gtin, decimal Price)> _bySku = products
        .Select((p, i) => (p.Sku, Gtin: Gtin.Complete($"5012345{i:D5}").Value, p.Price)).ToDictionary(p => p.Sku, p => (p.Gtin, p.Price));
    private int _sales;
    private int _memberCodes;

    /// <summary>How many checkouts a member code identified.</summary>
    public int MemberCodeCheckouts => _memberCodes;

    public async Task OpenAsync(IEnumerable<string> storeIds, CancellationToken ct)
    {
        foreach (var store in storeIds)
        {
            var opened = await host.Get<TillSessions>().OpenAsync(retailer, new LocationId(store), "T1", new OpenTillRequest(new TillAmountRequest(150.00m, null)), "demo", ct);
            _sessions[store] = opened.IsSuccess ? opened.Value.Id : throw new InvalidOperationException($"demo: till T1 did not open: {opened.Error.Code}");
        }
    }

    /// <summary>
    /// A till visit checked out; the order id, or the refusal (a <c>loyalty.</c> one: the caller tries again without benefits).
    /// The simulated clock runs fast, so a code that expired between the app and the till is asked for again, as a shopper would.
    /// </summary>
    public async Task<Result<OrderId>> CheckoutAsync(PlaceOrderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Result<CheckoutAnswer> receipt = default;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            receipt = await TryCheckoutAsync(request, ct);
            if (receipt.IsSuccess || receipt.Error.Code != "store.member_code_expired")
                break;
        }
        if (!receipt.IsSuccess)
            return receipt.Error;
        if (request.MemberId is not null)
            Interlocked.Increment(ref _memberCodes);
        return new OrderId(receipt.Value.Receipt.OrderId);
    }

    private async Task<Result<CheckoutAnswer>> TryCheckoutAsync(PlaceOrderRequest request, CancellationToken ct)
    {
        var store = new LocationId(request.StoreId!);
        string? code = null;
        if (request.MemberId is { } member)
        {
            var issued = await host.Get<IssueMemberCode>().HandleAsync(retailer, new MemberId(member), new IssueMemberCodeRequest(false), ct);
            if (!issued.IsSuccess)
                return issued.Error;
            code = issued.Value.Code;
        }
        var lines = request.Lines!.Select(l => new ScannedLineRequest(_bySku[l.Sku!].Gtin, l.Quantity)).ToList();
        var listTotal = request.Lines!.Sum(l => _bySku[l.Sku!].Price * l.Quantity);
        var tendered = Math.Ceiling(listTotal / 10m) * 10m;
        var sale = new CheckoutRequest(_sessions[store.Value], $"D-{Interlocked.Increment(ref _sales)}", lines, code, request.Coupons, request.Points,
            [new TillPaymentRequest("cash", new TillAmountRequest(tendered, null), null)], null, null);
        return await host.Get<TillCheckout>().HandleAsync(retailer, store, sale, ct);
    }

    /// <summary>The GTIN the demo's catalog gave a SKU (what a shelf label's barcode reads).</summary>
    public string GtinOf(string sku) => _bySku[sku].Gtin;

    /// <summary>
    /// A scan-to-bag bag checked out at the store's till T1: the same checkout call with <c>bagId</c> instead of scanned lines,
    /// cash tendered to the next £10 of what the bag showed (and £10 more if the till priced it higher meanwhile).
    /// </summary>
    public async Task<Result<ReceiptView>> CheckoutBagAsync(string storeId, string bagId, decimal due, CancellationToken ct)
    {
        var store = new LocationId(storeId);
        var tendered = Math.Max(10m, Math.Ceiling(due / 10m) * 10m);
        Result<CheckoutAnswer> sold = default;
        for (var attempt = 0; attempt < 2; attempt++, tendered += 10m)
        {
            var sale = new CheckoutRequest(_sessions[storeId], $"D-{Interlocked.Increment(ref _sales)}", null, null, null, null,
                [new TillPaymentRequest("cash", new TillAmountRequest(tendered, null), null)], null, null, bagId);
            sold = await host.Get<TillCheckout>().HandleAsync(retailer, store, sale, ct);
            if (sold.IsSuccess || sold.Error.Code != "store.payment_short")
                break;
        }
        return sold.Map(s => s.Receipt);
    }

    /// <summary>Closes every till with its drawer counted as expected; the Z reports.</summary>
    public async Task<IReadOnlyList<StoreTillDay>> CloseAsync(CancellationToken ct)
    {
        var days = new List<StoreTillDay>();
        foreach (var (store, session) in _sessions)
        {
            var at = new LocationId(store);
            var x = await host.Get<TillSessions>().GetAsync(retailer, at, session, ct);
            var counted = x.IsSuccess ? x.Value.Report.ExpectedCash.Amount : 0m;
            var closed = await host.Get<TillSessions>().CloseAsync(retailer, at, session, new CloseTillRequest(new TillAmountRequest(counted, null)), "demo", ct);
            if (closed.IsSuccess)
                days.Add(new StoreTillDay(store, closed.Value.Report));
        }
        return days.OrderBy(d => d.StoreId, StringComparer.Ordinal).ToList();
    }
}
