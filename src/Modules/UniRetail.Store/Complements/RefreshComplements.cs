using UniRetail.Kernel;
using UniRetail.Store.Bags;

namespace UniRetail.Store.Complements;

/// <summary>On demand: counts the tenant's new orders into its complements now (at most <see cref="MaxOrders"/> a call; <c>more</c> says call again).</summary>
internal sealed class RefreshComplements(ComplementLearner learner)
{
    public const int MaxOrders = 20_000;

    public async Task<Result<ComplementsRefreshView>> HandleAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var done = await learner.FoldAsync(caller.Tenant, MaxOrders, ct);
        return new ComplementsRefreshView(done.Orders, done.SkusRanked, done.Baskets, done.More);
    }
}
