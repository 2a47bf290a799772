using Xunit;

namespace UniRetail.Data.Tests;

public sealed class BulkInsertStatementTests
{
    [Theory]
    [InlineData(1, 64, 1)]
    [InlineData(2, 64, 2)]
    [InlineData(3, 64, 2)]
    [InlineData(63, 64, 32)]
    [InlineData(64, 64, 64)]
    [InlineData(65, 64, 64)]
    [InlineData(1000, 64, 64)]
    [InlineData(1000, 1, 1)]
    public void RowsFor_Remaining_TakesTheLargestPowerOfTwoUpToTheEnginesMost(int remaining, int maxRows, int rows) =>
        Assert.Equal(rows, BulkInsert.RowsFor(remaining, maxRows));

    [Fact]
    public void MaxRows_PerEngine_OneOnSqliteAndSixtyFourOnPostgres() =>
        Assert.Equal((1, 64), (BulkInsert.MaxRows(DatabaseProvider.Sqlite), BulkInsert.MaxRows(DatabaseProvider.Postgres)));

    [Fact]
    public void Sql_TwoRows_BindsSharedValuesOnceAndEachRowsValuesByExactName()
    {
        var insert = new BulkInsert("marketing_event", shared: ["tenant_id", "source_id"], columns: ["message_id", "type"], tail: "ON CONFLICT DO NOTHING");

        Assert.Equal(
            """
            INSERT INTO marketing_event (tenant_id, source_id, message_id, type)
            VALUES
            (@s0, @s1, @r0_0, @r0_1),
            (@s0, @s1, @r1_0, @r1_1)
            ON CONFLICT DO NOTHING
            """.ReplaceLineEndings("\n"),
            insert.Sql(2));
    }

    [Fact]
    public void Constructor_ColumnNamedTwice_Throws() =>
        Assert.Throws<ArgumentException>(() => new BulkInsert("catalog_sku", shared: ["tenant_id"], columns: ["sku", "Tenant_Id"]));
}
