using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Merging;
using UniRetail.Members.Profiles;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Members.Tests;

public abstract class MergeTests(DatabaseProvider provider) : MembersDatabaseTest(provider)
{
    private Task<Result<MergeView>> MergeAsync(Caller caller, MemberId source, MemberId target) =>
        Get<MergeMembers>().HandleAsync(caller, new MergeMembersRequest(source.Value, target.Value), "key_test", Ct);

    [Fact]
    public async Task HandleAsync_TwoMembers_MovesIdentifiersAuditsAndResolvesTheSourceToTheTarget()
    {
        var admin = NewTenant();
        var store = await RegisterAsync(admin, AMember("Ada (till)").WithPhone("07700 900123").With("loyalty_card", "6012 3456"));
        var online = await RegisterAsync(admin, AMember("Ada Lovelace").WithAccount("web-10442"));

        var merge = await MergeAsync(admin, store, online);

        Assert.True(merge.IsSuccess, merge.Error?.Message);
        Assert.Equal(online.Value, (await Get<FindMember>().LookupAsync(admin, "phone", "07700 900123", Ct)).Value.Id);
        var resolved = (await Get<FindMember>().GetAsync(admin, store, Ct)).Value;
        Assert.Equal(online.Value, resolved.Id);
        Assert.Equal(store.Value, resolved.ResolvedFrom);
        Assert.Equal(3, resolved.Identifiers.Count);
        var audit = Assert.Single((await Get<MergeHistory>().HandleAsync(admin, online, PageQuery.First, Ct)).Value.Items);
        Assert.Equal((store.Value, online.Value, "key_test"), (audit.SourceId, audit.TargetId, audit.MergedBy));
        Assert.Equal([new MovedIdentifierView("phone", "+447700900123"), new MovedIdentifierView("loyalty_card", "60123456")], audit.MovedIdentifiers);
    }

    [Fact]
    public async Task HandleAsync_Subscriber_SeesTheMergeInsideItsTransaction()
    {
        var admin = NewTenant();
        var source = await RegisterAsync(admin, AMember().WithPhone("07700 900123"));
        var target = await RegisterAsync(admin, AMember().WithEmail("ada@example.com"));

        await MergeAsync(admin, source, target);

        var seen = Assert.Single(Merges.Seen);
        Assert.Equal(new MembersMerged(admin.Tenant, source, target), seen.Event);
        Assert.Equal("merged", seen.SourceStatus);
        Assert.Equal(0, seen.IdentifiersLeftOnSource);
        Assert.Equal(1, seen.MergeAuditRows);
    }

    [Fact]
    public async Task HandleAsync_SubscriberFails_RollsBackTheWholeMerge()
    {
        var admin = NewTenant();
        var source = await RegisterAsync(admin, AMember().WithPhone("07700 900123"));
        var target = await RegisterAsync(admin, AMember().WithEmail("ada@example.com"));
        Merges.Fail = true;

        await Assert.ThrowsAsync<InvalidOperationException>(() => MergeAsync(admin, source, target));

        Assert.Equal(source.Value, (await Get<FindMember>().LookupAsync(admin, "phone", "07700 900123", Ct)).Value.Id);
        Assert.Null((await Get<FindMember>().GetAsync(admin, source, Ct)).Value.ResolvedFrom);
        Assert.Empty((await Get<MergeHistory>().HandleAsync(admin, target, PageQuery.First, Ct)).Value.Items);
    }

    [Fact]
    public async Task HandleAsync_IntoItself_IsValidationError()
    {
        var admin = NewTenant();
        var id = await RegisterAsync(admin, AMember().WithPhone("07700 900123"));

        var merge = await MergeAsync(admin, id, id);

        Assert.Equal("members.cannot_merge_into_itself", merge.ShouldFail().Code);
        Assert.Equal(ErrorKind.Validation, merge.ShouldFail().Kind);
        Assert.Empty(Merges.Seen);
    }

    [Fact]
    public async Task HandleAsync_Twice_IsAlreadyMergedAndAuditsOnce()
    {
        var admin = NewTenant();
        var source = await RegisterAsync(admin, AMember().WithPhone("07700 900123"));
        var target = await RegisterAsync(admin, AMember().WithEmail("ada@example.com"));
        await MergeAsync(admin, source, target);

        var again = await MergeAsync(admin, source, target);

        Assert.Equal("members.already_merged", again.ShouldFail().Code);
        Assert.Equal(ErrorKind.Conflict, again.ShouldFail().Kind);
        Assert.Equal("sourceId", again.ShouldFail().Field);
        Assert.Single((await Get<MergeHistory>().HandleAsync(admin, target, PageQuery.First, Ct)).Value.Items);
        Assert.Single(Merges.Seen);
    }

    [Fact]
    public async Task HandleAsync_IntoAMergedMember_IsAlreadyMergedAtTheTarget()
    {
        var admin = NewTenant();
        var first = await RegisterAsync(admin, AMember().WithPhone("07700 900001"));
        var second = await RegisterAsync(admin, AMember().WithPhone("07700 900002"));
        var third = await RegisterAsync(admin, AMember().WithPhone("07700 900003"));
        await MergeAsync(admin, first, second);

        var merge = await MergeAsync(admin, third, first);

        Assert.Equal("members.already_merged", merge.ShouldFail().Code);
        Assert.Equal("targetId", merge.ShouldFail().Field);
    }

    [Fact]
    public async Task HandleAsync_ChainOfMerges_ResolvesEveryOldIdToTheLastSurvivor()
    {
        var admin = NewTenant();
        var first = await RegisterAsync(admin, AMember().WithPhone("07700 900001"));
        var second = await RegisterAsync(admin, AMember().WithPhone("07700 900002"));
        var third = await RegisterAsync(admin, AMember().WithPhone("07700 900003"));

        await MergeAsync(admin, first, second);
        await MergeAsync(admin, second, third);

        var resolved = (await Get<FindMember>().GetAsync(admin, first, Ct)).Value;
        Assert.Equal(third.Value, resolved.Id);
        Assert.Equal(3, resolved.Identifiers.Count);
        var history = (await Get<MergeHistory>().HandleAsync(admin, first, PageQuery.First, Ct)).Value.Items;
        Assert.Equal([(first.Value, second.Value), (second.Value, third.Value)], history.Select(m => (m.SourceId, m.TargetId)));
    }

    [Fact]
    public async Task HandleAsync_UnknownSource_IsNotFound()
    {
        var admin = NewTenant();
        var target = await RegisterAsync(admin, AMember().WithPhone("07700 900123"));

        var merge = await MergeAsync(admin, MemberId.New(), target);

        Assert.Equal("members.unknown_member", merge.ShouldFail().Code);
        Assert.Equal("sourceId", merge.ShouldFail().Field);
    }

    [Fact]
    public async Task HandleAsync_MemberOfAnotherTenant_IsNotFound()
    {
        var camden = NewTenant();
        var hoxton = NewTenant();
        var source = await RegisterAsync(camden, AMember().WithPhone("07700 900123"));
        var target = await RegisterAsync(hoxton, AMember().WithPhone("07700 900123"));

        var merge = await MergeAsync(hoxton, source, target);

        Assert.Equal("members.unknown_member", merge.ShouldFail().Code);
    }

    [Fact]
    public async Task HandleAsync_Integration_Merges()
    {
        var admin = NewTenant();
        var source = await RegisterAsync(admin, AMember().WithPhone("07700 900001"));
        var target = await RegisterAsync(admin, AMember().WithPhone("07700 900002"));

        var merge = await MergeAsync(admin with { Role = Role.Integration }, source, target);

        Assert.True(merge.IsSuccess);
    }

    [Fact]
    public async Task HandleAsync_OppositeMergesAtOnce_OnlyOneGoesThrough()
    {
        var admin = NewTenant();
        var ada = await RegisterAsync(admin, AMember().WithPhone("07700 900001"));
        var lovelace = await RegisterAsync(admin, AMember().WithPhone("07700 900002"));

        var results = await Task.WhenAll(
            Task.Run(() => MergeAsync(admin, ada, lovelace), Ct),
            Task.Run(() => MergeAsync(admin, lovelace, ada), Ct));

        var done = Assert.Single(results, r => r.IsSuccess);
        Assert.Equal("members.already_merged", Assert.Single(results, r => !r.IsSuccess).ShouldFail().Code);
        var survivor = new MemberId(done.Value.TargetId);
        Assert.True(await Get<IMemberDirectory>().ExistsAsync(admin.Tenant, survivor, Ct));
        Assert.Equal(2, (await Get<FindMember>().GetAsync(admin, survivor, Ct)).Value.Identifiers.Count);
    }
}

public sealed class MergeSqliteTests() : MergeTests(DatabaseProvider.Sqlite);

public sealed class MergePostgresTests() : MergeTests(DatabaseProvider.Postgres);
