using System.Globalization;
using System.Text;

namespace UniRetail.Marketing.Persistence;

/// <summary>
/// The event INSERT for one or many rows, run through the writer's kept commands: a 100-event batch was 100 Dapper
/// executions, each building its parameters by reflection (docs/benchmarks.md, "Event ingestion"); a kept command binds
/// values only. Row counts are powers of two up to 64, so a handful of statement texts (and kept, prepared commands)
/// serve every batch size.
/// </summary>
internal static class MultiRowInsert
{
    /// <summary>Tenant, source, source kind, store and received-at: one value each, shared by every row.</summary>
    public const int Shared = 5;

    /// <summary>Values per row, in the order <see cref="EventStore.InsertAsync"/> sets them.</summary>
    public const int PerRow = 12;

    public const int MaxRows = 64;
    private static readonly (string Sql, string[] Names)[] Statements = Enumerable.Range(0, 7).Select(p => Build(1 << p)).ToArray();

    /// <summary>The rows the next statement takes: the largest power of two up to <paramref name="maxRows"/> not above <paramref name="remaining"/>.</summary>
    public static int RowsFor(int remaining, int maxRows) => Math.Min(maxRows, 1 << (31 - int.LeadingZeroCount(remaining)));

    public static (string Sql, string[] Names) Of(int rows) => Statements[int.Log2(rows)];

    private static (string, string[]) Build(int rows)
    {
        var names = new List<string> { "@Tenant", "@Source", "@SourceKind", "@Location", "@ReceivedAt" };
        var sql = new StringBuilder(
            """
            INSERT INTO marketing_event (tenant_id, source_id, message_id, source_kind, location_id, type, event, name, user_id, anonymous_id,
                previous_id, group_id, timestamp_ms, received_at_ms, properties, traits, context)
            VALUES
            """);
        for (var r = 0; r < rows; r++)
        {
            // "@m{r}…" names are fully prefixed: Microsoft.Data.Sqlite then binds each by its exact name, without trying prefixes.
            string[] row = [$"@m{r}Id", $"@m{r}Type", $"@m{r}Event", $"@m{r}Name", $"@m{r}User", $"@m{r}Anon", $"@m{r}Prev", $"@m{r}Group", $"@m{r}At",
                $"@m{r}Props", $"@m{r}Traits", $"@m{r}Context"];
            names.AddRange(row);
            sql.Append(CultureInfo.InvariantCulture,
                $"{(r == 0 ? "\n" : ",\n")}(@Tenant, @Source, {row[0]}, @SourceKind, @Location, {row[1]}, {row[2]}, {row[3]}, {row[4]}, {row[5]}, {row[6]}, {row[7]}, " +
                $"{row[8]}, @ReceivedAt, {row[9]}, {row[10]}, {row[11]})");
        }
        sql.Append("\nON CONFLICT (tenant_id, source_id, message_id) DO NOTHING");
        return (sql.ToString(), [.. names]);
    }
}
