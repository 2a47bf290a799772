using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Web;

namespace UniRetail.Marketing.ConsumerAssets;

internal static class AiplEndpoints
{
    public static RouteGroupBuilder MapConsumerAssets(this IEndpointRouteBuilder app)
    {
        var aipl = app.MapGroup("/api/marketing").WithTags("Marketing").RequireAuthorization();
        aipl.MapGet("/aipl", CountsAsync).WithName("Marketing.Aipl.Counts");
        aipl.MapGet("/aipl/flow", FlowAsync).WithName("Marketing.Aipl.Flow");
        aipl.MapGet("/aipl/history", HistoryAsync).WithName("Marketing.Aipl.History");
        aipl.MapPost("/aipl/snapshots", SnapshotAsync).WithName("Marketing.Aipl.Snapshot");
        aipl.MapGet("/aipl/rules", RulesAsync).WithName("Marketing.Aipl.Rules");
        aipl.MapPut("/aipl/rules", SetRulesAsync).WithName("Marketing.Aipl.SetRules");
        aipl.MapGet("/profiles/{profileId}/aipl", PersonAsync).WithName("Marketing.Aipl.Profile");
        aipl.MapGet("/fast", FastAsync).WithName("Marketing.Fast");
        aipl.MapGet("/grow", GrowAsync).WithName("Marketing.Grow");
        aipl.MapGet("/forecast/gmv", ForecastAsync).WithName("Marketing.Forecast.Gmv");
        aipl.MapPost("/forecast/gmv/target", TargetAsync).WithName("Marketing.Forecast.Target");
        aipl.MapGet("/forecast/backtest", BacktestAsync).WithName("Marketing.Forecast.Backtest");
        return aipl;
    }

    /// <summary><c>GET /api/marketing/aipl?category=&amp;date=</c>: people per stage at the end of the day (default today, the brand).</summary>
    private static async Task<Results<Ok<AiplCountsView>, ProblemHttpResult>> CountsAsync(
        Caller caller, AiplQueries queries, CancellationToken ct, string? category = null, string? date = null) =>
        (await queries.CountsAsync(caller, category, date, ct)).ToOk();

    private static async Task<Results<Ok<AiplFlowView>, ProblemHttpResult>> FlowAsync(
        Caller caller, AiplQueries queries, CancellationToken ct, string? from = null, string? to = null, string? category = null) =>
        (await queries.FlowAsync(caller, from, to, category, ct)).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<AiplCountsView>>, ProblemHttpResult>> HistoryAsync(
        Caller caller, AiplQueries queries, CancellationToken ct, string? from = null, string? to = null, string? category = null) =>
        (await queries.HistoryAsync(caller, category, from, to, ct)).ToOk();

    private static async Task<Results<Ok<IReadOnlyList<AiplCountsView>>, ProblemHttpResult>> SnapshotAsync(
        Caller caller, AiplQueries queries, CancellationToken ct, string? date = null) =>
        (await queries.SnapshotAsync(caller, date, ct)).ToOk();

    private static async Task<Results<Ok<AiplRulesView>, ProblemHttpResult>> RulesAsync(Caller caller, ManageAiplRules handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, ct)).ToOk();

    private static async Task<Results<Ok<AiplRulesView>, ProblemHttpResult>> SetRulesAsync(AiplRulesRequest? request, Caller caller, ManageAiplRules handler, CancellationToken ct) =>
        (await handler.SetAsync(caller, request, ct)).ToOk();

    /// <summary>
    /// <c>GET /api/marketing/fast?from=&amp;to=&amp;category=&amp;top=0.2</c> (or <c>&amp;tiers=gold,platinum</c>): FAST over the
    /// period, each figure with its definition; Superiority counts the top spenders or the members of the tiers.
    /// </summary>
    private static async Task<Results<Ok<FastView>, ProblemHttpResult>> FastAsync(
        Caller caller, FastAndGrow handler, CancellationToken ct, string? from = null, string? to = null, string? category = null, decimal? top = null,
        string? tiers = null) =>
        (await handler.FastAsync(caller, from, to, category, top, tiers, ct)).ToOk();

    /// <summary><c>GET /api/marketing/grow?from=&amp;to=&amp;category=</c>: the GMV change from the period before, split into Gain, Retain, bOOst and Widen.</summary>
    private static async Task<Results<Ok<GrowView>, ProblemHttpResult>> GrowAsync(
        Caller caller, FastAndGrow handler, CancellationToken ct, string? from = null, string? to = null, string? category = null) =>
        (await handler.GrowAsync(caller, from, to, category, ct)).ToOk();

    /// <summary><c>GET /api/marketing/forecast/gmv?months=6&amp;category=</c>: GMV and AIPL counts for the next 3 to 12 months, from the card learnt on the tenant's months.</summary>
    private static async Task<Results<Ok<GmvForecastView>, ProblemHttpResult>> ForecastAsync(
        Caller caller, ConsumerAssetsForecasts forecasts, CancellationToken ct, int? months = null, string? category = null) =>
        (await forecasts.ForecastAsync(caller, months, category, ct)).ToOk();

    private static async Task<Results<Ok<GmvTargetView>, ProblemHttpResult>> TargetAsync(
        GmvTargetRequest? request, Caller caller, ConsumerAssetsForecasts forecasts, CancellationToken ct) =>
        (await forecasts.TargetAsync(caller, request, ct)).ToOk();

    /// <summary><c>GET /api/marketing/forecast/backtest?trainUntil=2011-08-31&amp;months=3</c>: forecast against actual and two baselines.</summary>
    private static async Task<Results<Ok<BacktestView>, ProblemHttpResult>> BacktestAsync(
        Caller caller, ConsumerAssetsForecasts forecasts, CancellationToken ct, string? trainUntil = null, int? months = null, string? category = null) =>
        (await forecasts.BacktestAsync(caller, trainUntil, months, category, ct)).ToOk();

    private static async Task<Results<Ok<AiplPersonView>, ProblemHttpResult>> PersonAsync(
        string profileId, Caller caller, AiplQueries queries, CancellationToken ct, string? date = null) =>
        (await queries.PersonAsync(caller, profileId, date, ct)).ToOk();
}
