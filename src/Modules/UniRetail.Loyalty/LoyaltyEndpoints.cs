using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Loyalty.Accounts;
using UniRetail.Loyalty.Benefits;
using UniRetail.Loyalty.Check;
using UniRetail.Loyalty.Contracts;
using UniRetail.Loyalty.Coupons;
using UniRetail.Loyalty.Programs;
using UniRetail.Loyalty.StoredValue;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Loyalty;

internal static class LoyaltyEndpoints
{
    public static void MapLoyaltyEndpoints(this IEndpointRouteBuilder app)
    {
        var loyalty = app.MapGroup("/api/loyalty").WithTags("Loyalty").RequireAuthorization();
        loyalty.MapGet("/program", GetProgramAsync).WithName("Loyalty.GetProgram");
        loyalty.MapPut("/program", SetProgramAsync).WithName("Loyalty.SetProgram");
        loyalty.MapGet("/check", CheckAsync).WithName("Loyalty.Check");
        loyalty.MapGet("/members/{memberId}", GetMemberAsync).WithName("Loyalty.GetMember");
        loyalty.MapPost("/members/{memberId}/adjustments", AdjustAsync).WithName("Loyalty.Adjust");
        loyalty.MapPut("/members/{memberId}/birthday", BirthdayAsync).WithName("Loyalty.SetBirthday");
        loyalty.MapPost("/members/{memberId}/wallet/top-ups", TopUpAsync).WithName("Loyalty.TopUpWallet");
        loyalty.MapPost("/members/{memberId}/visits", VisitAsync).WithName("Loyalty.RecordVisit");
        loyalty.MapPost("/quotes", QuoteAsync).WithName("Loyalty.Quote")
            .WithDescription("Validates points, a coupon, wallet and gift card money for a basket without writing: the quote, or the refusal as a problem.");
        loyalty.MapPost("/redemptions", RedeemAsync).WithName("Loyalty.Redeem")
            .WithDescription("Pays with benefits for a reference (an order, a till sale), all or nothing; a retry with the same reference and values answers 200 with Idempotent-Replayed.");
        loyalty.MapPost("/purchases", EarnAsync).WithName("Loyalty.Earn");
        loyalty.MapPost("/returns", ReturnAsync).WithName("Loyalty.Return");
        loyalty.MapPost("/coupon-campaigns", CreateCampaignAsync).WithName("Loyalty.CreateCampaign");
        loyalty.MapGet("/coupon-campaigns", ListCampaignsAsync).WithName("Loyalty.ListCampaigns")
            .WithDescription("The tenant's coupon campaigns, newest first: limit (1 to 500, default 100) and the cursor of the page before.");
        loyalty.MapGet("/coupon-campaigns/{id}", GetCampaignAsync).WithName("Loyalty.GetCampaign");
        loyalty.MapPost("/coupon-campaigns/{id}/codes", IssueCodeAsync).WithName("Loyalty.IssueCode");
        loyalty.MapPost("/gift-cards", IssueGiftCardAsync).WithName("Loyalty.IssueGiftCard");
        loyalty.MapGet("/gift-cards/{code}", GetGiftCardAsync).WithName("Loyalty.GetGiftCard");
    }

    private static async Task<Results<Ok<ProgramDocument>, ProblemHttpResult>> GetProgramAsync(Caller caller, ManageProgram handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, ct)).ToOk();

    private static async Task<Results<Ok<ProgramDocument>, ProblemHttpResult>> SetProgramAsync(
        ProgramDocument request, Caller caller, ManageProgram handler, CancellationToken ct) =>
        (await handler.SetAsync(caller, request, ct)).ToOk();

    private static async Task<Ok<LoyaltyCheckView>> CheckAsync(Caller caller, LoyaltyCheck check, CancellationToken ct) =>
        TypedResults.Ok(await check.VerifyAsync(caller, ct));

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> GetMemberAsync(string memberId, Caller caller, ManageAccount handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, new MemberId(memberId), ct)).ToOk();

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> AdjustAsync(
        string memberId, AdjustmentRequest request, Caller caller, ManageAccount handler, CancellationToken ct) =>
        (await handler.AdjustAsync(caller, new MemberId(memberId), request, ct)).ToOk();

    private static async Task<Results<Ok<AccountView>, ProblemHttpResult>> BirthdayAsync(
        string memberId, BirthdayRequest request, Caller caller, ManageAccount handler, CancellationToken ct) =>
        (await handler.SetBirthdayAsync(caller, new MemberId(memberId), request, ct)).ToOk();

    private static async Task<Results<Created<AccountView>, Ok<AccountView>, ProblemHttpResult>> TopUpAsync(
        string memberId, TopUpRequest request, Caller caller, ManageAccount handler, HttpResponse response, CancellationToken ct) =>
        (await handler.TopUpAsync(caller, new MemberId(memberId), request, ct))
            .ToCreatedOrReplayed(r => r.View, r => r.Replayed, v => $"/api/loyalty/members/{v.MemberId}", response);

    private static async Task<Results<Ok<VisitPoints>, ProblemHttpResult>> VisitAsync(
        string memberId, VisitRequest request, Caller caller, ApplyBenefits handler, CancellationToken ct) =>
        (await handler.VisitAsync(caller, new MemberId(memberId), request, ct)).ToOk();

    private static async Task<Results<Ok<QuoteView>, ProblemHttpResult>> QuoteAsync(BenefitsRequest request, Caller caller, ApplyBenefits handler, CancellationToken ct) =>
        (await handler.QuoteAsync(caller, request, ct)).ToOk();

    private static async Task<Results<Created<RedemptionView>, Ok<RedemptionView>, ProblemHttpResult>> RedeemAsync(
        BenefitsRequest request, Caller caller, ApplyBenefits handler, HttpResponse response, CancellationToken ct) =>
        (await handler.RedeemAsync(caller, request, ct))
            .ToCreatedOrReplayed(r => r.View, r => r.Replayed, v => $"/api/loyalty/redemptions/{Uri.EscapeDataString(v.Reference)}", response);

    private static async Task<Results<Created<EarnedPoints>, Ok<EarnedPoints>, ProblemHttpResult>> EarnAsync(
        PurchaseRequest request, Caller caller, ApplyBenefits handler, HttpResponse response, CancellationToken ct) =>
        (await handler.EarnAsync(caller, request, ct))
            .ToCreatedOrReplayed(r => r.View, r => r.Replayed, v => $"/api/loyalty/purchases/{Uri.EscapeDataString(v.Reference)}", response);

    private static async Task<Results<Created<ReturnView>, Ok<ReturnView>, ProblemHttpResult>> ReturnAsync(
        ReturnRequest request, Caller caller, ApplyBenefits handler, HttpResponse response, CancellationToken ct) =>
        (await handler.ReturnAsync(caller, request, ct))
            .ToCreatedOrReplayed(r => r.View, r => r.Replayed, v => $"/api/loyalty/returns/{Uri.EscapeDataString(v.ReturnReference)}", response);

    private static async Task<Results<Created<CampaignView>, ProblemHttpResult>> CreateCampaignAsync(
        CampaignRequest request, Caller caller, ManageCoupons handler, CancellationToken ct) =>
        (await handler.CreateAsync(caller, request, null, ct)).ToCreated(c => $"/api/loyalty/coupon-campaigns/{c.Id}");

    private static async Task<Results<Ok<Page<CampaignView>>, ProblemHttpResult>> ListCampaignsAsync(
        int? limit, string? cursor, Caller caller, ManageCoupons handler, Cursors cursors, CancellationToken ct) =>
        (await cursors.PageAsync(caller, "loyalty.coupon-campaigns", limit, cursor, page => handler.ListAsync(caller, page, ct))).ToOk();

    private static async Task<Results<Ok<CampaignView>, ProblemHttpResult>> GetCampaignAsync(string id, Caller caller, ManageCoupons handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, id, ct)).ToOk();

    private static async Task<Results<Created<IssuedCodeView>, ProblemHttpResult>> IssueCodeAsync(
        string id, IssueCodeRequest request, Caller caller, ManageCoupons handler, CancellationToken ct) =>
        (await handler.IssueAsync(caller, id, request, ct)).ToCreated(c => $"/api/loyalty/coupon-campaigns/{c.CampaignId}");

    private static async Task<Results<Created<GiftCardView>, ProblemHttpResult>> IssueGiftCardAsync(
        IssueGiftCardRequest request, Caller caller, GiftCards handler, CancellationToken ct) =>
        (await handler.IssueAsync(caller, request, ct)).ToCreated(g => $"/api/loyalty/gift-cards/{g.Code}");

    private static async Task<Results<Ok<GiftCardView>, ProblemHttpResult>> GetGiftCardAsync(string code, Caller caller, GiftCards handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, code, ct)).ToOk();
}
