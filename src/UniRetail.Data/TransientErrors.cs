using Microsoft.Data.Sqlite;
using Npgsql;

namespace UniRetail.Data;

/// <summary>Database errors that mean "try the same work again": lock contention, not bad data.</summary>
internal static class TransientErrors
{
    /// <summary>True when the exception, or one it wraps, is lock contention.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (IsContention(current))
                return true;
        }
        return false;
    }

    private static bool IsContention(Exception exception) => exception switch
    {
        // 40001 serialization failure, 40P01 deadlock detected: PostgreSQL rolled the work back, retrying is safe.
        PostgresException pg => pg.SqlState is PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected,
        // SQLITE_BUSY (5) / SQLITE_LOCKED (6): another process holds the write lock past the busy timeout.
        SqliteException sqlite => sqlite.SqliteErrorCode is 5 or 6,
        _ => false,
    };
}
