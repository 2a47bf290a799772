using Microsoft.Extensions.Logging;
using UniRetail.Data;

namespace UniRetail.Store.Complements;

/// <summary>Every minute, counts each kept tenant's new orders into its complements (up to 5,000 orders a tenant per pass).</summary>
internal sealed class ComplementTimer(ComplementLearner learner, TimeProvider clock, ILogger<ComplementTimer> logger) : PeriodicWork(Interval, clock, logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    public const int OrdersPerTenant = 5_000;

    protected override string Work => "Counted new orders into complements";

    protected override Task<int> RunOnceAsync(CancellationToken ct) => learner.FoldAllAsync(OrdersPerTenant, ct);
}
