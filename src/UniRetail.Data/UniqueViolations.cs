using Microsoft.Data.Sqlite;
using Npgsql;

namespace UniRetail.Data;

/// <summary>
/// A write broke a unique index that a concurrent write filled after the writer's own check. Catch it inside the write
/// and return a Conflict: the failed Result rolls the operation back, so nothing is left half-written.
/// </summary>
public static class UniqueViolations
{
    public static bool Is(Exception exception) => exception switch
    {
        PostgresException pg => pg.SqlState == PostgresErrorCodes.UniqueViolation,
        // SQLITE_CONSTRAINT (19) with the extended code SQLITE_CONSTRAINT_UNIQUE (2067) or _PRIMARYKEY (1555).
        SqliteException sqlite => sqlite.SqliteErrorCode == 19 && sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        _ => false,
    };
}
