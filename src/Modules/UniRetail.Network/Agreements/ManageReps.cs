using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Network.Domain;
using UniRetail.Network.Persistence;

namespace UniRetail.Network.Agreements;

/// <summary>A field representative: <c>commissionRate</c> is their share of the orders of the shops they signed (0.02: 2%).</summary>
public sealed record RepRequest(string? Name, decimal? CommissionRate);

public sealed record RepView(string Id, string Name, decimal CommissionRate, DateTimeOffset CreatedAt)
{
    internal static RepView From(RepRow row) =>
        new(row.RepId, row.Name, row.CommissionPermille / 1000m, DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAtMs));
}

/// <summary>The platform's field representatives, who sign shops up.</summary>
internal sealed class ManageReps(Database database, AgreementStore store, TimeProvider clock)
{
    public const int MaxNameLength = 200;

    public async Task<Result<RepView>> CreateAsync(Caller caller, RepRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var name = request.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxNameLength || name.Any(char.IsControl))
            return NetworkErrors.BadName("name");
        var rate = request.CommissionRate ?? 0m;
        if (rate is < 0 or > 0.5m || decimal.Round(rate, 3) != rate)
            return NetworkErrors.BadCommission("commissionRate");
        var row = new RepRow { RepId = NewId.With("rep"), Name = name, CommissionPermille = (int)(rate * 1000), CreatedAtMs = clock.GetUtcNow().ToUnixTimeMilliseconds() };
        return await database.WriteAsync<RepView>(async session =>
        {
            await store.InsertRepAsync(session, caller.Tenant, row);
            return RepView.From(row);
        }, ct);
    }

    /// <summary>The platform's representatives, oldest first (at most <see cref="AgreementStore.MaxListed"/>).</summary>
    public async Task<IReadOnlyList<RepView>> ListAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return [.. (await database.ReadAsync(c => store.RepsAsync(c, caller.Tenant), ct)).Select(RepView.From)];
    }
}
