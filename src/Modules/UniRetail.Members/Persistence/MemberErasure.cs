using Dapper;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;

namespace UniRetail.Members.Persistence;

internal sealed class MemberErasure : IMemberErasure
{
    public async Task<int> EraseAsync(DbSession session, TenantId tenant, IReadOnlyCollection<MemberId> members, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(members);
        var c = session.Connection;
        var all = members.Select(m => m.Value).Distinct(StringComparer.Ordinal).ToList();
        // The member each was merged into, and the members merged into these, however many merges away, are the same person.
        for (var i = 0; i < all.Count; i++)
        {
            var related = await c.QueryAsync<string>(
                """
                SELECT member_id FROM members_member WHERE tenant_id = @Tenant AND merged_into = @Id
                UNION SELECT merged_into FROM members_member WHERE tenant_id = @Tenant AND member_id = @Id AND merged_into IS NOT NULL
                """, new { Tenant = tenant.Value, Id = all[i] }, session.Transaction);
            all.AddRange(related.Where(r => !all.Contains(r, StringComparer.Ordinal)).ToList());
        }
        if (all.Count == 0)
            return 0;
        var ids = new { Tenant = tenant.Value, Ids = all.ToArray() };
        await c.ExecuteAsync($"DELETE FROM members_identifier WHERE tenant_id = @Tenant AND {SqlLists.In(c, "member_id", "Ids")}", ids, session.Transaction);
        await c.ExecuteAsync(
            $"""
            UPDATE members_merge SET identifiers_json = '[]'
            WHERE tenant_id = @Tenant AND ({SqlLists.In(c, "source_member_id", "Ids")} OR {SqlLists.In(c, "target_member_id", "Ids")})
            """, ids, session.Transaction);
        var erased = await c.ExecuteAsync(
            $"UPDATE members_member SET display_name = NULL, status = 'erased' WHERE tenant_id = @Tenant AND {SqlLists.In(c, "member_id", "Ids")} AND status <> 'erased'",
            ids, session.Transaction);
        await session.PublishAsync(new MembersErased(tenant, all.Select(id => new MemberId(id)).ToList()), ct);
        return erased;
    }
}
