using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using UniRetail.Data;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Benefits;
using UniRetail.Loyalty.Check;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Coupons;
using UniRetail.Loyalty.Persistence;
using UniRetail.Loyalty.Programs;
using UniRetail.Loyalty.Reactions;
using UniRetail.Loyalty.StoredValue;
using UniRetail.Members.Contracts;
using UniRetail.Promotions.Contracts;

namespace UniRetail.Loyalty;

/// <summary>Loyalty (会员通 benefits): points, tiers, coupons, gift cards and a wallet, one ledger per member account.</summary>
public static class LoyaltyModule
{
    public static IServiceCollection AddLoyaltyModule(this IServiceCollection services)
    {
        services.AddMigrations<AccountStore>("loyalty");
        services.AddSingleton<ProgramStore>().AddSingleton<AccountStore>().AddSingleton<LotStore>().AddSingleton<PurchaseStore>()
            .AddSingleton<CouponStore>().AddSingleton<GiftCardStore>();
        services.AddSingleton<LoyaltyContext>().AddSingleton<AccountBook>();
        services.AddSingleton<RedeemBenefits>().AddSingleton<EarnPoints>().AddSingleton<ReverseBenefits>();
        services.AddSingleton<LoyaltyBenefits>()
            .AddSingleton<ILoyaltyBenefits>(sp => sp.GetRequiredService<LoyaltyBenefits>())
            .AddSingleton<ILoyaltyTiers>(sp => sp.GetRequiredService<LoyaltyBenefits>());
        // Replaces the promotions module's "no tiers" default, whichever of the two is added first.
        services.Replace(ServiceDescriptor.Singleton<IMemberTierLookup, TiersForPricing>());
        services.AddSingleton<ApplyBenefits>().AddSingleton<ManageProgram>().AddSingleton<ManageAccount>().AddSingleton<ManageCoupons>()
            .AddSingleton<GiftCards>().AddSingleton<LoyaltyCheck>().AddSingleton<SettleDueAccounts>();
        services.AddSingleton<IDomainEventSubscriber<MemberRegistered>, IssueWelcomeCoupon>();
        services.AddSingleton<IDomainEventSubscriber<MembersMerged>, MergeAccountsWhenMembersMerge>();
        services.AddSingleton<IDomainEventSubscriber<MembersErased>, ForgetAccountsWhenMembersErased>();
        return services;
    }

    /// <summary>The background settlement of due releases, expiries and tier periods; the server runs it.</summary>
    public static IServiceCollection AddLoyaltyClock(this IServiceCollection services) => services.AddHostedService<LoyaltyClockService>();

    public static IEndpointRouteBuilder MapLoyaltyModule(this IEndpointRouteBuilder app)
    {
        app.MapLoyaltyEndpoints();
        return app;
    }
}
