using System.Globalization;
using Dapper;
using UniRetail.Kernel;
using Xunit;

namespace UniRetail.Data.Tests;

public abstract class BulkInsertTests(DatabaseProvider provider) : DataTest(provider)
{
    private const long CreatedAt = 1_796_000_000_000;

    private static readonly BulkInsert Rows = new(
        "data_test_row", shared: ["tenant_id", "created_at_ms"], columns: ["row_no", "label", "amount"]);

    private static readonly BulkInsert NewRows = new(
        "data_test_row", shared: ["tenant_id", "created_at_ms"], columns: ["row_no", "label", "amount"],
        tail: "ON CONFLICT (tenant_id, row_no) DO NOTHING");

    private static readonly BulkInsert Upsert = new(
        "data_test_row", shared: ["tenant_id", "created_at_ms"], columns: ["row_no", "label", "amount"],
        tail: """
            ON CONFLICT (tenant_id, row_no) DO UPDATE SET label = excluded.label
            RETURNING row_no AS RowNo, label AS Label, amount AS Amount
            """);

    private static object?[] Row(long rowNo, string? label, long? amount) => [rowNo, label, amount];

    private static IEnumerable<object?[]> Numbered(int from, int count, string label = "row") =>
        Enumerable.Range(from, count).Select(i => Row(i, $"{label} {i}", i * 100L));

    private Task<Result<int>> InsertAsync(BulkInsert insert, IEnumerable<object?[]> rows, string tenant = Tenant) =>
        WriteAsync<int>(async s => await insert.ExecuteAsync(s, [tenant, CreatedAt], rows));

    private Task<List<StoredRow>> StoredAsync(string tenant = Tenant) =>
        Database.ReadAsync(async c => (await c.QueryAsync<StoredRow>(
            """
            SELECT tenant_id AS Tenant, row_no AS RowNo, label AS Label, amount AS Amount, created_at_ms AS CreatedAtMs
            FROM data_test_row WHERE tenant_id = @Tenant ORDER BY row_no
            """, new { Tenant = tenant })).ToList(), Ct);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    public async Task ExecuteAsync_Rows_StoresEachRowOnceWithItsOwnAndTheSharedValues(int count)
    {
        var inserted = await InsertAsync(Rows, Numbered(0, count));

        Assert.Equal(count, inserted.Value);
        var stored = await StoredAsync();
        Assert.Equal(Enumerable.Range(0, count).Select(i => new StoredRow(Tenant, i, $"row {i}", i * 100L, CreatedAt)), stored);
    }

    [Fact]
    public async Task ExecuteAsync_NullValues_AreStoredAsNullWhicheverRowTheyAreIn()
    {
        // Nulls first, then values, then both in turn, through the same kept statements: a parameter that was null
        // once must take a number or a text later, and PostgreSQL must type a null that leads a multi-row VALUES.
        var rows = Enumerable.Range(0, 200).Select(i => i switch
        {
            < 64 => Row(i, null, null),
            < 128 => Row(i, $"row {i}", i),
            _ => i % 2 == 0 ? Row(i, null, i) : Row(i, $"row {i}", null),
        }).ToList();

        await InsertAsync(Rows, rows);

        var stored = await StoredAsync();
        Assert.Equal(rows.Select(r => new StoredRow(Tenant, (long)r[0]!, (string?)r[1], (long?)r[2], CreatedAt)), stored);
    }

    [Fact]
    public async Task ExecuteAsync_DifferentSharedValues_EachWriteStoresItsOwn()
    {
        await InsertAsync(Rows, Numbered(0, 70, "camden"), "ten_camden");
        await InsertAsync(Rows, Numbered(0, 70, "brixton"), "ten_brixton");

        Assert.All(await StoredAsync("ten_camden"), r => Assert.Equal(("ten_camden", $"camden {r.RowNo}"), (r.Tenant, r.Label)));
        Assert.All(await StoredAsync("ten_brixton"), r => Assert.Equal(("ten_brixton", $"brixton {r.RowNo}"), (r.Tenant, r.Label)));
        Assert.Equal(70, (await StoredAsync("ten_brixton")).Count);
    }

    [Fact]
    public async Task ExecuteAsync_OnConflictDoNothing_SkipsExistingRowsAndCountsOnlyTheNewOnes()
    {
        await InsertAsync(Rows, Numbered(0, 10, "first"));

        var inserted = await InsertAsync(NewRows, Numbered(5, 70, "second"));

        Assert.Equal(65, inserted.Value);
        var stored = await StoredAsync();
        Assert.Equal(75, stored.Count);
        Assert.All(stored, r => Assert.Equal(r.RowNo < 10 ? $"first {r.RowNo}" : $"second {r.RowNo}", r.Label));
    }

    [Fact]
    public async Task QueryAsync_Returning_GivesEveryRowBackInTheOrderGiven()
    {
        await InsertAsync(Rows, Numbered(0, 50, "old"));
        // Existing and new rows, not in key order: 149, 148, ..., 0.
        var rows = Enumerable.Range(0, 150).Reverse().Select(i => Row(i, $"new {i}", i)).ToList();

        var returned = await WriteAsync(async s => Result<IReadOnlyList<ReturnedRow>>.Success(
            await Upsert.QueryAsync<ReturnedRow>(s, [Tenant, CreatedAt], rows)));

        Assert.Equal(rows.Select(r => (long)r[0]!), returned.Value.Select(r => r.RowNo));
        Assert.All(returned.Value, r => Assert.Equal($"new {r.RowNo}", r.Label));
        Assert.All(returned.Value, r => Assert.Equal(r.RowNo < 50 ? r.RowNo * 100 : r.RowNo, r.Amount));
    }

    [Fact]
    public async Task ExecuteAsync_ManySharedAndRowColumns_EveryValueLandsInItsOwnColumn()
    {
        // 11 shared and 12 row columns over 130 rows (two 64-row statements and a 2-row one on PostgreSQL): names such as
        // @s1 and @s10, @r1_1, @r1_11 and @r11_1 all occur, and every value is unique, so any mix-up shows.
        var shared = Enumerable.Range(0, 11).Select(i => $"s{i}").ToArray();
        var columns = Enumerable.Range(0, 12).Select(i => $"c{i}").ToArray();
        await ExecuteOutsideAsync(
            $"CREATE TABLE data_test_wide (row_no BIGINT PRIMARY KEY, {string.Join(", ", shared.Concat(columns).Select(c => c + " TEXT NOT NULL"))})");
        var wide = new BulkInsert("data_test_wide", shared, ["row_no", .. columns]);
        object?[] WideRow(int r) => [(long)r, .. columns.Select(c => $"{c} of {r}")];
        var rows = Enumerable.Range(0, 130).Select(WideRow).ToList();

        await WriteAsync<int>(async s => await wide.ExecuteAsync(s, shared.Select(c => $"{c} shared").ToArray(), rows));

        var stored = await Database.ReadAsync(async c => (await c.QueryAsync("SELECT * FROM data_test_wide ORDER BY row_no")).Cast<IDictionary<string, object>>().ToList(), Ct);
        Assert.Equal(130, stored.Count);
        for (var r = 0; r < stored.Count; r++)
        {
            Assert.Equal(r, Convert.ToInt64(stored[r]["row_no"], CultureInfo.InvariantCulture));
            Assert.All(shared, c => Assert.Equal($"{c} shared", stored[r][c]));
            Assert.All(columns, c => Assert.Equal($"{c} of {r}", stored[r][c]));
        }
    }

    [Fact]
    public async Task ExecuteAsync_RowWithTooFewValues_ThrowsAndTheWriteLeavesNothing()
    {
        var rows = Numbered(0, 100).Append([1000L, "short"]);

        await Assert.ThrowsAsync<ArgumentException>(() => InsertAsync(Rows, rows));

        Assert.Equal(0, await CommittedRowsAsync());
    }

    private sealed record StoredRow(string Tenant, long RowNo, string? Label, long? Amount, long CreatedAtMs);

    private sealed record ReturnedRow(long RowNo, string Label, long Amount);
}

public sealed class BulkInsertSqliteTests() : BulkInsertTests(DatabaseProvider.Sqlite);

public sealed class BulkInsertPostgresTests() : BulkInsertTests(DatabaseProvider.Postgres);
