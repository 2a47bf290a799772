using UniRetail.Data;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Store.Contracts;
using UniRetail.Store.Domain;
using UniRetail.Store.Persistence;

namespace UniRetail.Store.MemberCodes;

/// <summary>
/// Issues a member code (会员码) for the member's app: signed, short lived (<see cref="StoreOptions.MemberCodeLifetime"/>),
/// single use. A merged member's old id issues a code for the member they were merged into.
/// </summary>
internal sealed class IssueMemberCode(
    Database database, MemberCodeStore codes, MemberCodeSigner signer, IMemberDirectory members, StoreOptions options, TimeProvider clock)
{
    public async Task<Result<MemberCodeView>> HandleAsync(Caller caller, MemberId member, IssueMemberCodeRequest? request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (await members.ResolveAsync(caller.Tenant, member, ct) is not { } card)
            return StoreErrors.UnknownMember(member.Value, "id");
        var wallet = request?.Wallet ?? false;
        var now = clock.GetUtcNow();
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(now.ToUnixTimeSeconds() + (long)options.MemberCodeLifetime.TotalSeconds);
        var unsigned = MemberCodeToken.Unsigned(signer.CurrentVersion, wallet, expiresAt);
        var code = signer.Sign(caller.Tenant, unsigned);
        var codeId = MemberCodeToken.Read(code)!.Value.Claims.CodeId;
        return await database.WriteAsync<MemberCodeView>(async session =>
        {
            await codes.ForgetExpiredAsync(session, caller.Tenant, card.Id, now.AddDays(-1));
            await codes.InsertAsync(session, caller.Tenant, codeId, card.Id, wallet, now, expiresAt);
            var images = $"/api/members/{card.Id.Value}/member-code/{code}";
            return new MemberCodeView(code, card.Id.Value, expiresAt, wallet, new MemberCodeImages($"{images}/qr.png", $"{images}/qr.svg", $"{images}/code128.svg"));
        }, ct);
    }
}
