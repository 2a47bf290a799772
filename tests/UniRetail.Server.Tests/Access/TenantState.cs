using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Access;

/// <summary>
/// What a tenant's admin reads about its data — locations, catalog, stock levels and ledger, orders, members, keys,
/// sources, events, profiles, consent, merges, identity rules, erasures — one line per read, for comparing before and after.
/// </summary>
public static class TenantState
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The state once the background projector has caught up: two reads a moment apart that agree.</summary>
    public static async Task<IReadOnlyList<string>> SettledAsync(SeededTenant tenant)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var last = await ReadAsync(tenant);
        while (true)
        {
            await Task.Delay(300, Ct);
            var now = await ReadAsync(tenant);
            if (now.SequenceEqual(last))
                return now;
            Assert.True(DateTime.UtcNow < deadline, "The tenant's state did not settle within 30 s.");
            last = now;
        }
    }

    /// <summary>The lines of <paramref name="after"/> that differ from <paramref name="before"/>, for a failure message.</summary>
    public static string Changes(IReadOnlyList<string> before, IReadOnlyList<string> after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return string.Join("\n", before.Zip(after).Where(p => p.First != p.Second).Select(p => $"before: {p.First}\nafter:  {p.Second}"));
    }

    private static async Task<IReadOnlyList<string>> ReadAsync(SeededTenant t)
    {
        var reads = new List<string>
        {
            "/api/tenant", "/api/keys", "/api/locations", "/api/catalog/products", $"/api/catalog/products/{t.ProductId}", $"/api/catalog/skus/{t.Sku}",
            $"/api/catalog/skus/{t.Sku}/prices?locationId={t.StoreA.Id}", $"/api/inventory/levels?sku={t.Sku}", $"/api/inventory/atp/{t.Sku}",
            $"/api/inventory/ledger?sku={t.Sku}&limit=500", "/api/inventory/ledger/check", $"/api/inventory/receipts/{t.ReceiptId}",
            "/api/orders?limit=500", $"/api/members/{t.Ann.Id}", $"/api/members/{t.Cy.Id}", $"/api/members/{t.Ann.Id}/merges",
            "/api/marketing/sources", "/api/marketing/events?limit=500", "/api/marketing/identity-rules", "/api/marketing/erasures",
            "/api/marketing/audiences/consented?purpose=marketing", "/api/promotions?limit=500", $"/api/promotions/{t.PromotionId}",
        };
        reads.AddRange(t.Locations.Select(l => $"/api/locations/{l.Id}"));
        reads.AddRange(t.Orders.Values.Select(o => $"/api/orders/{o.Id}"));
        foreach (var part in new[] { "", "/identities", "/timeline?limit=500", "/merges", "/joins", "/consent" })
            reads.Add($"/api/marketing/profiles/{t.AnnProfileId}{part}");
        foreach (var (type, value) in new[] { ("user_id", $"u-ben-{t.Tag}"), ("anonymous_id", $"install-{t.Tag}"), ("email", $"eve.{t.Tag}@example.com") })
            reads.Add($"/api/marketing/profiles?type={type}&value={Uri.EscapeDataString(value)}");

        using var client = t.Factory.CreateClient();
        var lines = new List<string>(reads.Count);
        foreach (var path in reads)
        {
            using var response = await client.SendAsync(ApiRequest.Get(path).WithBearer(t.Retailer.AdminToken), Ct);
            lines.Add($"GET {path} → {(int)response.StatusCode} {WithoutTraceId(await response.Content.ReadAsStringAsync(Ct))}");
        }
        return lines;
    }

    /// <summary>A problem's traceId differs on every read; nothing else in an answer should.</summary>
    private static string WithoutTraceId(string body)
    {
        var at = body.IndexOf("\"traceId\"", StringComparison.Ordinal);
        return at < 0 ? body : body[..at];
    }
}
