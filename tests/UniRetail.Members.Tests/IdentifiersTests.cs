using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Identifiers;
using UniRetail.Members.Merging;
using UniRetail.Members.Profiles;
using UniRetail.Members.Registration;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Members.Tests;

public abstract class IdentifiersTests(DatabaseProvider provider) : MembersDatabaseTest(provider)
{
    [Fact]
    public async Task AddAsync_NewIdentifier_FindsTheMemberByIt()
    {
        var admin = NewTenant();
        var id = await RegisterAsync(admin, AMember().WithPhone("07700 900123"));

        var added = await Get<ManageIdentifiers>().AddAsync(admin, id, new IdentifierRequest("email", " Ada@Example.com"), Ct);

        Assert.Equal("ada@example.com", added.Value.Value);
        Assert.Equal(id.Value, (await Get<FindMember>().LookupAsync(admin, "email", "ada@example.com", Ct)).Value.Id);
    }

    [Fact]
    public async Task AddAsync_IdentifierOfAnotherMember_IsConflictAndLeavesItWhereItWas()
    {
        var admin = NewTenant();
        var ada = await RegisterAsync(admin, AMember().WithPhone("07700 900123"));
        var charles = await RegisterAsync(admin, AMember("Charles Babbage").WithEmail("charles@example.com"));

        var added = await Get<ManageIdentifiers>().AddAsync(admin, charles, new IdentifierRequest("phone", "+447700900123"), Ct);

        Assert.Equal("members.identifier_taken", added.ShouldFail().Code);
        Assert.Equal("value", added.ShouldFail().Field);
        Assert.Equal(ada.Value, (await Get<FindMember>().LookupAsync(admin, "phone", "07700 900123", Ct)).Value.Id);
    }

    [Fact]
    public async Task AddAsync_IdentifierTheMemberHolds_SucceedsWithoutChange()
    {
        var admin = NewTenant();
        var id = await RegisterAsync(admin, AMember().WithPhone("07700 900123"));

        var added = await Get<ManageIdentifiers>().AddAsync(admin, id, new IdentifierRequest("phone", "0044 7700 900123"), Ct);

        Assert.True(added.IsSuccess);
        Assert.Single((await Get<FindMember>().GetAsync(admin, id, Ct)).Value.Identifiers);
    }

    [Fact]
    public async Task AddAsync_MergedMember_IsAlreadyMerged()
    {
        var admin = NewTenant();
        var source = await RegisterAsync(admin, AMember().WithPhone("07700 900123"));
        var target = await RegisterAsync(admin, AMember().WithEmail("ada@example.com"));
        await Get<MergeMembers>().HandleAsync(admin, new MergeMembersRequest(source.Value, target.Value), "test", Ct);

        var added = await Get<ManageIdentifiers>().AddAsync(admin, source, new IdentifierRequest("account", "web-10442"), Ct);

        Assert.Equal("members.already_merged", added.ShouldFail().Code);
    }

    [Fact]
    public async Task AddAsync_UnknownMember_IsNotFound()
    {
        var admin = NewTenant();

        var added = await Get<ManageIdentifiers>().AddAsync(admin, MemberId.New(), new IdentifierRequest("account", "web-10442"), Ct);

        Assert.Equal("members.unknown_member", added.ShouldFail().Code);
    }

    [Fact]
    public async Task RemoveAsync_HeldIdentifier_NoLongerFindsTheMember()
    {
        var admin = NewTenant();
        var id = await RegisterAsync(admin, AMember().WithPhone("07700 900123").WithEmail("ada@example.com"));

        var removed = await Get<ManageIdentifiers>().RemoveAsync(admin, id, "phone", "+44 7700 900123", Ct);

        Assert.True(removed.IsSuccess);
        Assert.Equal("members.unknown_identifier", (await Get<FindMember>().LookupAsync(admin, "phone", "07700 900123", Ct)).ShouldFail().Code);
        Assert.Equal("email", Assert.Single((await Get<FindMember>().GetAsync(admin, id, Ct)).Value.Identifiers).Kind);
    }

    [Fact]
    public async Task RemoveAsync_IdentifierOfAnotherMember_IsNotFoundAndKeepsIt()
    {
        var admin = NewTenant();
        var ada = await RegisterAsync(admin, AMember().WithPhone("07700 900123"));
        var charles = await RegisterAsync(admin, AMember("Charles Babbage").WithEmail("charles@example.com"));

        var removed = await Get<ManageIdentifiers>().RemoveAsync(admin, charles, "phone", "07700 900123", Ct);

        Assert.Equal("members.unknown_identifier", removed.ShouldFail().Code);
        Assert.Equal(ada.Value, (await Get<FindMember>().LookupAsync(admin, "phone", "07700 900123", Ct)).Value.Id);
    }

    [Fact]
    public async Task MemberDirectory_FindsByNormalisedIdentifierAndForgetsMergedMembers()
    {
        var admin = NewTenant();
        var source = await RegisterAsync(admin, AMember().WithPhone("07700 900123"));
        var target = await RegisterAsync(admin, AMember().WithEmail("ada@example.com"));
        var directory = Get<IMemberDirectory>();

        Assert.Equal(source, await directory.FindByIdentifierAsync(admin.Tenant, IdentifierKind.Phone, "+44 (0)7700 900123", Ct));
        Assert.Null(await directory.FindByIdentifierAsync(admin.Tenant, IdentifierKind.Phone, "not a phone", Ct));
        Assert.True(await directory.ExistsAsync(admin.Tenant, source, Ct));

        await Get<MergeMembers>().HandleAsync(admin, new MergeMembersRequest(source.Value, target.Value), "test", Ct);

        Assert.False(await directory.ExistsAsync(admin.Tenant, source, Ct));
        Assert.Equal(target, await directory.FindByIdentifierAsync(admin.Tenant, IdentifierKind.Phone, "07700 900123", Ct));
    }
}

public sealed class IdentifiersSqliteTests() : IdentifiersTests(DatabaseProvider.Sqlite);

public sealed class IdentifiersPostgresTests() : IdentifiersTests(DatabaseProvider.Postgres);
