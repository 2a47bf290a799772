using System.Data.Common;
using Dapper;
using UniRetail.Data;

namespace UniRetail.Marketing.Persistence;

internal sealed class PositionRow
{
    public long Tx { get; init; }
    public long Seq { get; init; }
}

/// <summary>Projector positions, moved only together with what the projector wrote.</summary>
internal sealed class ProjectionStore
{
    public async Task<FeedPosition> PositionAsync(DbConnection connection, string name, DbTransaction? transaction = null)
    {
        var row = await connection.QuerySingleOrDefaultAsync<PositionRow>(
            "SELECT position_tx AS Tx, position_seq AS Seq FROM marketing_projection WHERE name = @Name", new { Name = name }, transaction);
        return row is null ? FeedPosition.Start : new FeedPosition(row.Tx, row.Seq);
    }

    /// <summary>
    /// Takes the projector's position row until the transaction ends and returns where it is: what starting or finishing a
    /// re-stitch holds, so no batch of the projector saves between its reading which tenants are re-stitching and its commit.
    /// </summary>
    public async Task<FeedPosition> LockAsync(DbSession session, string name, long atMs)
    {
        await session.Connection.ExecuteAsync(
            "INSERT INTO marketing_projection (name, position_tx, position_seq, updated_at_ms) VALUES (@Name, 0, 0, @AtMs) ON CONFLICT (name) DO NOTHING",
            new { Name = name, AtMs = atMs }, session.Transaction);
        await session.Connection.ExecuteAsync(
            "UPDATE marketing_projection SET updated_at_ms = updated_at_ms WHERE name = @Name", new { Name = name }, session.Transaction);
        return await PositionAsync(session.Connection, name, session.Transaction);
    }

    /// <summary>Moves the position from <paramref name="from"/> to <paramref name="to"/>; false when another projector moved it first.</summary>
    public async Task<bool> AdvanceAsync(DbSession session, string name, FeedPosition from, FeedPosition to, long atMs)
    {
        await session.Connection.ExecuteAsync(
            "INSERT INTO marketing_projection (name, position_tx, position_seq, updated_at_ms) VALUES (@Name, 0, 0, @AtMs) ON CONFLICT (name) DO NOTHING",
            new { Name = name, AtMs = atMs }, session.Transaction);
        return await session.Connection.ExecuteAsync(
            """
            UPDATE marketing_projection SET position_tx = @ToTx, position_seq = @ToSeq, updated_at_ms = @AtMs
            WHERE name = @Name AND position_tx = @FromTx AND position_seq = @FromSeq
            """, new { Name = name, FromTx = from.Tx, FromSeq = from.Seq, ToTx = to.Tx, ToSeq = to.Seq, AtMs = atMs }, session.Transaction) == 1;
    }
}
