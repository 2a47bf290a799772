using System.Data.Common;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;

namespace UniRetail.Loyalty.Persistence;

internal sealed class GiftCardRow
{
    public string GiftCardId { get; init; } = "";
    public string Code { get; init; } = "";
    public string Currency { get; init; } = "";
    public long BalanceMinor { get; init; }
    public long IssuedMinor { get; init; }
    public long IssuedAtMs { get; init; }
}

/// <summary>Gift cards: stored-value accounts found by code; their entries go to the shared ledger under the card's id.</summary>
internal sealed class GiftCardStore
{
    private const string Columns =
        "gift_card_id AS GiftCardId, code AS Code, currency AS Currency, balance_minor AS BalanceMinor, issued_minor AS IssuedMinor, issued_at_ms AS IssuedAtMs";

    public async Task<bool> TryInsertAsync(DbSession session, TenantId tenant, GiftCardRow card) =>
        await session.Connection.ExecuteAsync(
            """
            INSERT INTO loyalty_gift_card (tenant_id, gift_card_id, code, currency, balance_minor, issued_minor, issued_at_ms)
            VALUES (@Tenant, @GiftCardId, @Code, @Currency, 0, @IssuedMinor, @IssuedAtMs) ON CONFLICT DO NOTHING
            """,
            new { Tenant = tenant.Value, card.GiftCardId, card.Code, card.Currency, card.IssuedMinor, card.IssuedAtMs }, session.Transaction) == 1;

    public Task<GiftCardRow?> FindByCodeAsync(DbConnection connection, TenantId tenant, string code, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<GiftCardRow>(
            $"SELECT {Columns} FROM loyalty_gift_card WHERE tenant_id = @Tenant AND code = @Code",
            new { Tenant = tenant.Value, Code = code }, transaction);

    public Task<GiftCardRow?> FindAsync(DbConnection connection, TenantId tenant, string id, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<GiftCardRow>(
            $"SELECT {Columns} FROM loyalty_gift_card WHERE tenant_id = @Tenant AND gift_card_id = @Id",
            new { Tenant = tenant.Value, Id = id }, transaction);

    /// <summary>Moves the card's balance unless it would fall below zero; false then, nothing changed.</summary>
    public async Task<bool> MoveAsync(DbSession session, TenantId tenant, string id, long deltaMinor) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE loyalty_gift_card SET balance_minor = balance_minor + @Delta
            WHERE tenant_id = @Tenant AND gift_card_id = @Id AND balance_minor + @Delta >= 0
            """,
            new { Tenant = tenant.Value, Id = id, Delta = deltaMinor }, session.Transaction) == 1;
}
