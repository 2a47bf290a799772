using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Loyalty.Coupons;
using UniRetail.Loyalty.Domain;
using UniRetail.Loyalty.Persistence;

namespace UniRetail.Loyalty.Programs;

/// <summary>Reads and replaces the tenant's loyalty program (admins; the CLI reads it from a JSON file).</summary>
internal sealed class ManageProgram(Database database, ProgramStore programs, CouponStore coupons, ITenantDirectory tenants, TimeProvider clock)
{
    public async Task<Result<ProgramDocument>> GetAsync(Caller caller, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var program = await database.ReadAsync(c => programs.FindAsync(c, caller.Tenant), ct);
        return program is null ? LoyaltyErrors.NoProgram() : ProgramDocument.From(program);
    }

    public async Task<Result<ProgramDocument>> SetAsync(Caller caller, ProgramDocument? document, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (document is null)
            return LoyaltyErrors.Required("program");
        var program = document.ToProgram();
        if (!program.IsSuccess)
            return program.Error;
        var tenant = await tenants.FindAsync(caller.Tenant, ct) ?? throw new InvalidOperationException($"Tenant {caller.Tenant} does not exist.");
        if (program.Value.Currency != tenant.Currency)
            return LoyaltyErrors.CurrencyMismatch(tenant.Currency.Code, "currency");
        return await database.WriteAsync<ProgramDocument>(async session =>
        {
            if (program.Value.WelcomeCampaignId is { } welcome)
            {
                var campaign = await coupons.FindCampaignAsync(session.Connection, caller.Tenant, welcome, session.Transaction);
                if (campaign is null)
                    return LoyaltyErrors.UnknownCampaign(welcome, "welcomeCampaignId");
                if (campaign.Kind != CampaignKinds.SingleUse)
                    return LoyaltyErrors.WrongCampaignKind("A welcome coupon comes from a single_use campaign: each new member gets a code of their own.", "welcomeCampaignId");
            }
            await programs.SaveAsync(session, caller.Tenant, program.Value, clock.GetUtcNow().ToUnixTimeMilliseconds());
            return ProgramDocument.From(program.Value);
        }, ct);
    }
}
