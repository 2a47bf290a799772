using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Profiles;
using UniRetail.Members.Registration;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Members.Tests;

public abstract class RegistrationTests(DatabaseProvider provider) : MembersDatabaseTest(provider)
{
    [Fact]
    public async Task HandleAsync_EveryIdentifierKind_FindsTheMemberByEachWrittenAnotherWay()
    {
        var admin = NewTenant();
        var id = await RegisterAsync(admin, AMember()
            .WithAccount("web-10442").WithPhone("07700 900123").WithEmail("Ada@Example.com")
            .With("loyalty_card", "6012 3456").With("external", "tmall:88231"));

        (string Kind, string Value)[] lookups =
            [("account", " web-10442 "), ("phone", "+44 7700 900123"), ("email", "ADA@example.COM"), ("loyalty_card", "60123456"), ("external", "TMALL:88231")];
        foreach (var (kind, value) in lookups)
        {
            var found = await Get<FindMember>().LookupAsync(admin, kind, value, Ct);
            Assert.True(found.IsSuccess, $"{kind}: {found.Error?.Message}");
            Assert.Equal(id.Value, found.Value.Id);
        }
        var member = (await Get<FindMember>().GetAsync(admin, id, Ct)).Value;
        Assert.Equal("Ada Lovelace", member.DisplayName);
        Assert.Equal(5, member.Identifiers.Count);
        Assert.Contains(member.Identifiers, i => i is { Kind: "phone", Value: "+447700900123" });
        Assert.Null(member.ResolvedFrom);
    }

    [Fact]
    public async Task HandleAsync_IdentifierTakenByAnotherMember_IsConflictNamingItAndWritesNothing()
    {
        var admin = NewTenant();
        await RegisterAsync(admin, AMember().WithPhone("07700 900123"));

        var second = await Get<RegisterMember>().HandleAsync(
            admin, AMember("Charles Babbage").WithEmail("charles@example.com").WithPhone("+44 7700 900123").Build(), Ct);

        Assert.Equal("members.identifier_taken", second.ShouldFail().Code);
        Assert.Equal(ErrorKind.Conflict, second.ShouldFail().Kind);
        Assert.Equal("identifiers[1].value", second.ShouldFail().Field);
        Assert.Equal(1, await CountMembersAsync(admin.Tenant));
        var byEmail = await Get<FindMember>().LookupAsync(admin, "email", "charles@example.com", Ct);
        Assert.Equal("members.unknown_identifier", byEmail.ShouldFail().Code);
    }

    [Fact]
    public async Task HandleAsync_SameIdentifierTwiceInOneRequest_IsValidationError()
    {
        var admin = NewTenant();

        var result = await Get<RegisterMember>().HandleAsync(admin, AMember().WithPhone("07700 900123").WithPhone("+447700900123").Build(), Ct);

        Assert.Equal("members.duplicate_identifier", result.ShouldFail().Code);
        Assert.Equal(0, await CountMembersAsync(admin.Tenant));
    }

    [Fact]
    public async Task HandleAsync_SamePhoneInTwoTenants_MakesTwoMembers()
    {
        var camden = NewTenant();
        var hoxton = NewTenant();

        var inCamden = await RegisterAsync(camden, AMember().WithPhone("07700 900123"));
        var inHoxton = await RegisterAsync(hoxton, AMember().WithPhone("07700 900123"));

        Assert.NotEqual(inCamden, inHoxton);
        Assert.Equal(inCamden.Value, (await Get<FindMember>().LookupAsync(camden, "phone", "07700 900123", Ct)).Value.Id);
        Assert.Equal(inHoxton.Value, (await Get<FindMember>().LookupAsync(hoxton, "phone", "07700 900123", Ct)).Value.Id);
        Assert.Equal("members.unknown_member", (await Get<FindMember>().GetAsync(hoxton, inCamden, Ct)).ShouldFail().Code);
    }

    [Fact]
    public async Task HandleAsync_FiftyConcurrentRegistrationsOfOnePhone_ExactlyOneSucceeds()
    {
        var admin = NewTenant();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => Task.Run(() =>
            Get<RegisterMember>().HandleAsync(admin, AMember($"Shopper {i}").WithPhone("07700 900123").Build(), Ct), Ct)));

        var winner = Assert.Single(results, r => r.IsSuccess);
        Assert.All(results.Where(r => !r.IsSuccess), r => Assert.Equal("members.identifier_taken", r.ShouldFail().Code));
        Assert.Equal(1, await CountMembersAsync(admin.Tenant));
        Assert.Equal(winner.Value.Id, (await Get<FindMember>().LookupAsync(admin, "phone", "+447700900123", Ct)).Value.Id);
    }

    [Fact]
    public async Task HandleAsync_StoreStaffAtTheTill_RegistersTheMember()
    {
        var admin = NewTenant();
        var staff = admin with { Role = Role.StoreStaff, Store = LocationId.New() };

        var result = await Get<RegisterMember>().HandleAsync(staff, AMember().WithPhone("07700 900123").Build(), Ct);

        Assert.True(result.IsSuccess);
        Assert.Equal(1, await CountMembersAsync(admin.Tenant));
    }

    [Fact]
    public async Task HandleAsync_BadPhone_IsValidationErrorAtItsField()
    {
        var admin = NewTenant();

        var result = await Get<RegisterMember>().HandleAsync(admin, AMember().WithEmail("ada@example.com").WithPhone("7700 900123").Build(), Ct);

        Assert.Equal("members.bad_phone", result.ShouldFail().Code);
        Assert.Equal("identifiers[1].value", result.ShouldFail().Field);
    }

    [Fact]
    public async Task BulkHandleAsync_SomeTakenOrMalformed_RegistersTheRestAndReportsEachRejection()
    {
        var admin = NewTenant();
        await RegisterAsync(admin, AMember().WithPhone("07700 900001"));
        var requests = new[]
        {
            AMember("Grace Hopper").WithPhone("07700 900002").Build(),
            AMember("Alan Turing").WithEmail("alan@example.com").WithPhone("07700 900001").Build(),
            AMember("Katherine Johnson").WithEmail("not-an-email").Build(),
            AMember("Grace Again").WithPhone("+44 7700 900002").Build(),
            AMember("Hedy Lamarr").WithEmail("hedy@example.com").Build(),
        };

        var bulk = (await Get<RegisterMembers>().HandleAsync(admin, requests, Ct)).Value;

        Assert.Equal([0, 4], bulk.Registered.Select(r => r.Index));
        Assert.Equal([1, 2, 3], bulk.Rejected.Select(r => r.Index));
        Assert.Equal("members[1].identifiers[1].value", bulk.Rejected[0].Error.Field);
        Assert.Equal("members.identifier_taken", bulk.Rejected[0].Error.Code);
        Assert.Equal("members.bad_email", bulk.Rejected[1].Error.Code);
        Assert.Equal("members.identifier_taken", bulk.Rejected[2].Error.Code);
        Assert.Equal(3, await CountMembersAsync(admin.Tenant));
        Assert.Equal(bulk.Registered[0].Id.Value, (await Get<FindMember>().LookupAsync(admin, "phone", "07700 900002", Ct)).Value.Id);
        Assert.Null(await Get<IMemberDirectory>().FindByIdentifierAsync(admin.Tenant, IdentifierKind.Email, "alan@example.com", Ct));
        await RegisterAsync(admin, AMember("Alan Turing").WithEmail("alan@example.com"));
    }

    [Fact]
    public async Task BulkHandleAsync_TwoThousandMembers_AreAllFoundAfterOneCall()
    {
        var admin = NewTenant();
        var requests = Enumerable.Range(0, 2000)
            .Select(i => AMember($"Shopper {i}").WithPhone($"07700 9{i:D5}").WithEmail($"shopper{i}@example.com").Build())
            .ToList();

        var bulk = (await Get<RegisterMembers>().HandleAsync(admin, requests, Ct)).Value;

        Assert.Equal(2000, bulk.Registered.Count);
        Assert.Empty(bulk.Rejected);
        Assert.Equal(2000, await CountMembersAsync(admin.Tenant));
        Assert.Equal(bulk.Registered[1234].Id.Value, (await Get<FindMember>().LookupAsync(admin, "email", "shopper1234@example.com", Ct)).Value.Id);
    }

    [Fact]
    public async Task GetAsync_UnknownId_IsNotFound()
    {
        var admin = NewTenant();

        var result = await Get<FindMember>().GetAsync(admin, MemberId.New(), Ct);

        Assert.Equal("members.unknown_member", result.ShouldFail().Code);
        Assert.Equal(ErrorKind.NotFound, result.ShouldFail().Kind);
    }
}

public sealed class RegistrationSqliteTests() : RegistrationTests(DatabaseProvider.Sqlite);

public sealed class RegistrationPostgresTests() : RegistrationTests(DatabaseProvider.Postgres);
