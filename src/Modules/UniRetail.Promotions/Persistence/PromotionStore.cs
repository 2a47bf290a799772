using System.Data.Common;
using System.Text.Json;
using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Definitions;

namespace UniRetail.Promotions.Persistence;

/// <summary>A promotion row: the parsed columns and the rule and conditions as stored JSON.</summary>
internal sealed class PromotionRow
{
    public string PromotionId { get; init; } = "";
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public bool Active { get; init; }
    public int Priority { get; init; }
    public bool Exclusive { get; init; }
    public string StackingGroup { get; init; } = "";
    public string RuleJson { get; init; } = "{}";
    public string ConditionsJson { get; init; } = "{}";
    public int Version { get; init; }
    public long UpdatedAtMs { get; init; }

    public PromotionRequest ToRequest() => new(
        Code, Name, Active, Priority, Exclusive, StackingGroup, null,
        JsonSerializer.Deserialize<RuleRequest>(RuleJson, PromotionStore.Json)!,
        JsonSerializer.Deserialize<ConditionsRequest>(ConditionsJson, PromotionStore.Json)!, Version);
}

internal sealed class PromotionStore
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };

    private const string Columns =
        "promotion_id AS PromotionId, code AS Code, name AS Name, active AS Active, priority AS Priority, exclusive AS Exclusive, " +
        "stacking_group AS StackingGroup, rule_json AS RuleJson, conditions_json AS ConditionsJson, version AS Version, updated_at_ms AS UpdatedAtMs";

    /// <summary>Bumps the tenant's revision (creating it at 1) and returns it; the row lock serialises the tenant's promotion writes.</summary>
    public Task<long> BumpRevisionAsync(DbSession session, TenantId tenant) =>
        session.Connection.ExecuteScalarAsync<long>(
            """
            INSERT INTO promotions_revision (tenant_id, revision) VALUES (@Tenant, 1)
            ON CONFLICT (tenant_id) DO UPDATE SET revision = promotions_revision.revision + 1
            RETURNING revision
            """,
            new { Tenant = tenant.Value }, session.Transaction);

    public async Task<long> RevisionAsync(DbConnection connection, TenantId tenant) =>
        await connection.ExecuteScalarAsync<long?>("SELECT revision FROM promotions_revision WHERE tenant_id = @Tenant", new { Tenant = tenant.Value }) ?? 0;

    public Task<long> CountAsync(DbSession session, TenantId tenant) =>
        session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM promotions_promotion WHERE tenant_id = @Tenant", new { Tenant = tenant.Value }, session.Transaction);

    /// <summary>The id of the promotion holding <paramref name="code"/>, or null.</summary>
    public Task<string?> HolderOfCodeAsync(DbSession session, TenantId tenant, string code) =>
        session.Connection.ExecuteScalarAsync<string?>(
            "SELECT promotion_id FROM promotions_promotion WHERE tenant_id = @Tenant AND code = @Code", new { Tenant = tenant.Value, Code = code }, session.Transaction);

    public Task InsertAsync(DbSession session, TenantId tenant, PromotionId id, ParsedPromotion promotion, long atMs) =>
        session.Connection.ExecuteAsync(
            """
            INSERT INTO promotions_promotion (tenant_id, promotion_id, code, name, active, priority, exclusive, stacking_group, rule_json, conditions_json, version, created_at_ms, updated_at_ms)
            VALUES (@Tenant, @Id, @Code, @Name, @Active, @Priority, @Exclusive, @Group, @Rule, @Conditions, 1, @At, @At)
            """,
            Parameters(tenant, id, promotion, atMs), session.Transaction);

    /// <summary>Replaces the promotion when it is at <paramref name="expectedVersion"/>; false when it is not (or does not exist).</summary>
    public async Task<bool> UpdateAsync(DbSession session, TenantId tenant, PromotionId id, int expectedVersion, ParsedPromotion promotion, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE promotions_promotion SET code = @Code, name = @Name, active = @Active, priority = @Priority, exclusive = @Exclusive,
                stacking_group = @Group, rule_json = @Rule, conditions_json = @Conditions, version = version + 1, updated_at_ms = @At
            WHERE tenant_id = @Tenant AND promotion_id = @Id AND version = @Expected
            """,
            new
            {
                Tenant = tenant.Value, Id = id.Value, promotion.Code, promotion.Name, promotion.Active, promotion.Priority, promotion.Exclusive,
                Group = promotion.StackingGroup, Rule = JsonSerializer.Serialize(promotion.StoredRule, Json),
                Conditions = JsonSerializer.Serialize(promotion.StoredConditions, Json), At = atMs, Expected = expectedVersion,
            },
            session.Transaction) == 1;

    /// <summary>Deactivates an active promotion; false when it is unknown or inactive already.</summary>
    public async Task<bool> DeactivateAsync(DbSession session, TenantId tenant, PromotionId id, long atMs) =>
        await session.Connection.ExecuteAsync(
            """
            UPDATE promotions_promotion SET active = @Inactive, version = version + 1, updated_at_ms = @At
            WHERE tenant_id = @Tenant AND promotion_id = @Id AND active = @Active
            """,
            new { Tenant = tenant.Value, Id = id.Value, At = atMs, Active = true, Inactive = false }, session.Transaction) == 1;

    public Task<PromotionRow?> FindAsync(DbConnection connection, TenantId tenant, PromotionId id, DbTransaction? transaction = null) =>
        connection.QuerySingleOrDefaultAsync<PromotionRow>(
            $"SELECT {Columns} FROM promotions_promotion WHERE tenant_id = @Tenant AND promotion_id = @Id", new { Tenant = tenant.Value, Id = id.Value }, transaction);

    public Task<PromotionRow?> FindByCodeAsync(DbConnection connection, TenantId tenant, string code) =>
        connection.QuerySingleOrDefaultAsync<PromotionRow>(
            $"SELECT {Columns} FROM promotions_promotion WHERE tenant_id = @Tenant AND code = @Code", new { Tenant = tenant.Value, Code = code });

    /// <summary>A page of promotions in code order (active and inactive; <paramref name="active"/> filters).</summary>
    public async Task<IReadOnlyList<PromotionRow>> ListAsync(DbConnection connection, TenantId tenant, bool? active, PageQuery page) =>
        (await connection.QueryAsync<PromotionRow>(
            $"""
            SELECT {Columns} FROM promotions_promotion
            WHERE tenant_id = @Tenant AND (@Active IS NULL OR active = @Active) AND (@After IS NULL OR code > @After)
            ORDER BY code LIMIT @Limit
            """,
            new { Tenant = tenant.Value, Active = active, page.After, Limit = page.RowsToRead })).ToList();

    /// <summary>Every active promotion of the tenant and the revision they are at, read in one statement (one snapshot on either engine).</summary>
    public async Task<(IReadOnlyList<PromotionRow> Rows, long Revision)> ActiveAsync(DbConnection connection, TenantId tenant)
    {
        var rows = (await connection.QueryAsync<RowAtRevision>(
            $"""
            SELECT {Columns}, (SELECT revision FROM promotions_revision r WHERE r.tenant_id = @Tenant) AS Revision
            FROM promotions_promotion WHERE tenant_id = @Tenant AND active = @Active
            UNION ALL
            SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, (SELECT revision FROM promotions_revision r WHERE r.tenant_id = @Tenant)
            """,
            new { Tenant = tenant.Value, Active = true })).ToList();
        return (rows.Where(r => r.PromotionId is not null).Select(r => r.ToRow()).ToList(), rows.Max(r => r.Revision) ?? 0);
    }

    private static object Parameters(TenantId tenant, PromotionId id, ParsedPromotion promotion, long atMs) => new
    {
        Tenant = tenant.Value, Id = id.Value, promotion.Code, promotion.Name, promotion.Active, promotion.Priority, promotion.Exclusive,
        Group = promotion.StackingGroup, Rule = JsonSerializer.Serialize(promotion.StoredRule, Json),
        Conditions = JsonSerializer.Serialize(promotion.StoredConditions, Json), At = atMs,
    };

    private sealed class RowAtRevision
    {
        public string? PromotionId { get; init; }
        public string? Code { get; init; }
        public string? Name { get; init; }
        public bool? Active { get; init; }
        public int? Priority { get; init; }
        public bool? Exclusive { get; init; }
        public string? StackingGroup { get; init; }
        public string? RuleJson { get; init; }
        public string? ConditionsJson { get; init; }
        public int? Version { get; init; }
        public long? UpdatedAtMs { get; init; }
        public long? Revision { get; init; }

        public PromotionRow ToRow() => new()
        {
            PromotionId = PromotionId!, Code = Code!, Name = Name!, Active = Active!.Value, Priority = Priority!.Value, Exclusive = Exclusive!.Value,
            StackingGroup = StackingGroup!, RuleJson = RuleJson!, ConditionsJson = ConditionsJson!, Version = Version!.Value, UpdatedAtMs = UpdatedAtMs!.Value,
        };
    }
}
