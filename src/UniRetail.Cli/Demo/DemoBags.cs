using System.Collections.Concurrent;
using UniRetail.Kernel;
using UniRetail.Server;
using UniRetail.Store.Bags;
using UniRetail.Store.Complements;
using UniRetail.Store.MemberCodes;

namespace UniRetail.Cli.Demo;

/// <summary>One store's scan-to-bag day: bags started, lines scanned, complements shown and taken, reminders, and how the bags ended.</summary>
internal sealed record StoreBagDay(
    string StoreId, int Started, int Scans, int ComplementsShown, int ComplementsTaken, int Reminders, int CheckedOut, int TillRefused, int Abandoned, decimal Sold);

/// <summary>
/// Scan-to-bag in the demo's stores, through the same handlers as <c>/api/bags</c>: a member scans their app's member code at
/// the entrance (the visit recorded), scans two to four products off that store's shelves into the bag, sometimes takes the
/// first complement the answer suggests, and then either checks the bag out at the store's till T1 (the same checkout call,
/// with <c>bagId</c>, so the Z report counts it) or leaves it to expire. Complements are learnt from the day's orders as it goes
/// (the on-demand refresh, a few times a day), so the first bags of the morning get none.
/// </summary>
internal sealed class DemoBags(ModuleContainer host, DemoSetup setup, DemoTills tills)
{
    private const double TakesComplement = 0.4, ChecksOut = 0.75;
    private readonly ConcurrentDictionary<string, Counts> _byStore = new();
    private int _learning;
    private readonly ConcurrentDictionary<string, int> _refused = new();

    /// <summary>Bag calls refused, by problem code (none in a healthy run).</summary>
    public IReadOnlyDictionary<string, int> Refused => _refused;

    private Caller Retailer => setup.Retailer;

    /// <summary>A member's bag at a store (both drawn by <paramref name="random"/>), from the entrance to the till (or the door).</summary>
    public async Task VisitAsync(Random random, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(random);
        var storeId = setup.Stores[random.Next(setup.Stores.Count)].Id;
        var memberId = setup.Members[random.Next(setup.Members.Count)];
        var counts = _byStore.GetOrAdd(storeId, _ => new Counts());
        var code = await host.Get<IssueMemberCode>().HandleAsync(Retailer, new MemberId(memberId), new IssueMemberCodeRequest(false), ct);
        if (!Ok(code))
            return;
        var started = await host.Get<StartBag>().HandleAsync(Retailer, new StartBagRequest(storeId, code.Value.Code, null), null, ct);
        if (!Ok(started))
            return;
        Interlocked.Increment(ref counts.Started);
        var bagId = started.Value.Bag.Id;
        var shelf = setup.Products.Where(p => setup.Assortments[storeId].Contains(p.Sku)).ToList();
        BagView? bag = null;
        for (var n = random.Next(2, 5); n > 0 && shelf.Count > 0; n--)
        {
            // Best sellers are picked most: the shelf is in the data set's sales order.
            var product = shelf[(int)(Math.Pow(random.NextDouble(), 2) * shelf.Count)];
            var scanned = await ScanAsync(bagId, product.Sku, counts, ct);
            if (scanned is null)
                continue;
            bag = scanned.Bag;
            Interlocked.Add(ref counts.ComplementsShown, scanned.Complements.Count);
            Interlocked.Add(ref counts.Reminders, scanned.Reminders.Count);
            if (scanned.Complements.Count > 0 && random.NextDouble() < TakesComplement
                && await ScanAsync(bagId, scanned.Complements[0].Sku, counts, ct) is { } taken)
            {
                Interlocked.Increment(ref counts.ComplementsTaken);
                bag = taken.Bag;
            }
        }
        if (bag is null || random.NextDouble() >= ChecksOut)
        {
            Interlocked.Increment(ref counts.Abandoned);
            return;
        }
        var due = bag.Totals?.Total.Amount ?? bag.Lines.Sum(l => l.Total?.Amount ?? 0m);
        var sold = await tills.CheckoutBagAsync(storeId, bagId, due, ct);
        if (!Ok(sold))
        {
            // The till refuses a bag whose goods sold out meanwhile (the book stock says none): the shopper leaves it.
            Interlocked.Increment(ref counts.TillRefused);
            return;
        }
        Interlocked.Increment(ref counts.CheckedOut);
        lock (counts)
            counts.Sold += sold.Value.Total.Amount;
    }

    /// <summary>Counts the orders placed so far into the complements (skipped when another worker is already at it).</summary>
    public async Task LearnAsync(CancellationToken ct)
    {
        if (Interlocked.CompareExchange(ref _learning, 1, 0) != 0)
            return;
        try
        {
            for (var more = true; more;)
            {
                var done = await host.Get<RefreshComplements>().HandleAsync(Retailer, ct);
                more = Ok(done) && done.Value.More;
            }
        }
        finally
        {
            Volatile.Write(ref _learning, 0);
        }
    }

    public IReadOnlyList<StoreBagDay> Days() => _byStore
        .Select(s => new StoreBagDay(s.Key, s.Value.Started, s.Value.Scans, s.Value.ComplementsShown, s.Value.ComplementsTaken, s.Value.Reminders,
            s.Value.CheckedOut, s.Value.TillRefused, s.Value.Abandoned, s.Value.Sold))
        .OrderBy(d => d.StoreId, StringComparer.Ordinal).ToList();

    private async Task<ScanView?> ScanAsync(string bagId, string sku, Counts counts, CancellationToken ct)
    {
        var scanned = await host.Get<ScanIntoBag>().HandleAsync(Retailer, bagId, null, new ScanRequest(tills.GtinOf(sku), 1), null, ct);
        if (!Ok(scanned))
            return null;
        Interlocked.Increment(ref counts.Scans);
        return scanned.Value.Scan;
    }

    private bool Ok<T>(Result<T> result)
    {
        if (!result.IsSuccess)
            _refused.AddOrUpdate(result.Error.Code, 1, (_, n) => n + 1);
        return result.IsSuccess;
    }

    private sealed class Counts
    {
        public int Started, Scans, ComplementsShown, ComplementsTaken, Reminders, CheckedOut, TillRefused, Abandoned;
        public decimal Sold;
    }
}
