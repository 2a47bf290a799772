using System.Collections.Concurrent;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Registration;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Members.Tests;

/// <summary>
/// Members on a fresh database, with a subscriber that records merges. A tenant is a fresh id: members keep no foreign
/// key to Identity's tenants, and Identity's CreateTenant is internal to its own tests.
/// </summary>
public abstract class MembersDatabaseTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected MergeRecorder Merges => Get<MergeRecorder>();

    protected override void AddModules(IServiceCollection services)
    {
        services.AddMembersModule();
        services.AddSingleton<MergeRecorder>();
        services.AddSingleton<IDomainEventSubscriber<MembersMerged>>(sp => sp.GetRequiredService<MergeRecorder>());
    }

    protected static Caller NewTenant() => Caller.AdminOf(TenantId.New());

    private protected static MemberBuilder AMember(string? displayName = "Ada Lovelace") => new(displayName);

    private protected async Task<MemberId> RegisterAsync(Caller caller, MemberBuilder member)
    {
        var registered = await Get<RegisterMember>().HandleAsync(caller, member.Build(), Ct);
        Assert.True(registered.IsSuccess, registered.Error?.Message);
        return new MemberId(registered.Value.Id);
    }

    protected Task<long> CountMembersAsync(TenantId tenant) =>
        Get<Database>().ReadAsync(c => c.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM members_member WHERE tenant_id = @Tenant", new { Tenant = tenant.Value }), Ct);
}

internal sealed class MemberBuilder(string? displayName)
{
    private readonly List<IdentifierRequest?> _identifiers = [];

    public MemberBuilder With(string kind, string value)
    {
        _identifiers.Add(new IdentifierRequest(kind, value));
        return this;
    }

    public MemberBuilder WithPhone(string phone) => With("phone", phone);

    public MemberBuilder WithEmail(string email) => With("email", email);

    public MemberBuilder WithAccount(string account) => With("account", account);

    public RegisterMemberRequest Build() => new(displayName, _identifiers.ToList());
}

/// <summary>What a subscriber to <see cref="MembersMerged"/> sees inside the merge's transaction.</summary>
public sealed record SeenMerge(MembersMerged Event, string SourceStatus, long IdentifiersLeftOnSource, long MergeAuditRows);

/// <summary>Stands in for the Orders module: reads the merge's own uncommitted writes, and can be made to fail.</summary>
public sealed class MergeRecorder : IDomainEventSubscriber<MembersMerged>
{
    public ConcurrentQueue<SeenMerge> Seen { get; } = new();

    public bool Fail { get; set; }

    public async Task HandleAsync(MembersMerged domainEvent, DbSession session, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        ArgumentNullException.ThrowIfNull(session);
        var parameters = new { Tenant = domainEvent.Tenant.Value, Source = domainEvent.Source.Value };
        var status = await session.Connection.ExecuteScalarAsync<string>(
            "SELECT status FROM members_member WHERE tenant_id = @Tenant AND member_id = @Source", parameters, session.Transaction);
        var left = await session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM members_identifier WHERE tenant_id = @Tenant AND member_id = @Source", parameters, session.Transaction);
        var audits = await session.Connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM members_merge WHERE tenant_id = @Tenant AND source_member_id = @Source", parameters, session.Transaction);
        Seen.Enqueue(new SeenMerge(domainEvent, status!, left, audits));
        if (Fail)
            throw new InvalidOperationException("The orders of the source member could not be moved.");
    }
}
