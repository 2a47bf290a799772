using System.Net;
using System.Text.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Marketing;

/// <summary>
/// Rows written straight into the server's database: what an earlier version stored before a check existed, which the
/// readers of today must still answer for.
/// </summary>
public static class StoredRows
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<string> TenantIdAsync(this Retailer retailer)
    {
        ArgumentNullException.ThrowIfNull(retailer);
        var tenant = await (await retailer.Admin.GetAsync("/api/tenant", Ct)).ShouldBeAsync<JsonElement>(HttpStatusCode.OK);
        return tenant.GetProperty("id").GetString()!;
    }

    /// <summary>An event as the bank holds it; <paramref name="at"/> is its timestamp in epoch milliseconds.</summary>
    public static Task InsertEventAsync(
        this ServerFixture server, string tenantId, Source source, string type, string? userId, string? name = null,
        string? properties = null, string? traits = null, string? context = null, long at = 1_795_000_000_000) =>
        server.ExecuteAsync(
            """
            INSERT INTO marketing_event (tenant_id, source_id, message_id, source_kind, location_id, type, event, name, user_id, anonymous_id,
                previous_id, group_id, timestamp_ms, received_at_ms, properties, traits, context)
            VALUES (@TenantId, @SourceId, @MessageId, @Kind, NULL, @Type, @Event, NULL, @UserId, NULL, NULL, NULL, @At, @At, @Properties, @Traits, @Context)
            """,
            new
            {
                TenantId = tenantId, source.SourceId, MessageId = NewId.With("msg"), source.Kind, Type = type, Event = type == "track" ? name : null,
                UserId = userId, At = at, Properties = properties, Traits = traits, Context = context,
            });

    public static async Task ExecuteAsync(this ServerFixture server, string sql, object parameters)
    {
        ArgumentNullException.ThrowIfNull(server);
        var written = await server.Factory.Services.GetRequiredService<Database>().WriteAsync<int>(
            async session => await session.Connection.ExecuteAsync(sql, parameters, session.Transaction), Ct);
        Assert.True(written.IsSuccess && written.Value > 0, $"Nothing written by: {sql}");
    }
}
