using System.Data.Common;
using Npgsql;

namespace UniRetail.Data;

/// <summary>
/// What a writer's connection must forget after an operation threw on it. Npgsql auto-prepares statements a connection repeats
/// (<see cref="Database"/>); when PostgreSQL refuses one (a NUL in text, say) in a transaction that is rolled back, the
/// driver keeps a prepared statement the server no longer has in step with it, and the next use of that statement on the
/// same physical connection — another caller's good write — fails with "Received unexpected backend message DataRow"
/// (npgsql/npgsql#6391). Unpreparing everything on the connection before it is used again or pooled avoids that.
/// </summary>
internal static class PreparedStatements
{
    /// <summary>Unprepares the connection's statements; false when the connection is unusable and must be closed.</summary>
    public static bool ForgetAfterFailure(DbConnection connection)
    {
        if (connection is not NpgsqlConnection { State: System.Data.ConnectionState.Open } postgres)
            return connection is not NpgsqlConnection;
        try
        {
            postgres.UnprepareAll();
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or ObjectDisposedException)
        {
            return false;
        }
    }
}
