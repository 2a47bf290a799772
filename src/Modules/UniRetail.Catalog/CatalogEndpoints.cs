using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using UniRetail.Catalog.Import;
using UniRetail.Catalog.Pricing;
using UniRetail.Catalog.Products;
using UniRetail.Catalog.Skus;
using UniRetail.Kernel;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Catalog;

internal static class CatalogEndpoints
{
    public static RouteGroupBuilder MapCatalog(this IEndpointRouteBuilder app)
    {
        var catalog = app.MapGroup("/api/catalog").WithTags("Catalog").RequireAuthorization();
        catalog.MapPost("/products", CreateProductAsync).WithName("Catalog.CreateProduct");
        catalog.MapGet("/products", ListProductsAsync).WithName("Catalog.ListProducts");
        catalog.MapGet("/products/{id}", GetProductAsync).WithName("Catalog.GetProduct");
        catalog.MapGet("/skus/{sku}", GetSkuAsync).WithName("Catalog.GetSku");
        catalog.MapGet("/skus/by-gtin/{gtin}", FindByGtinAsync).WithName("Catalog.FindSkuByGtin");
        catalog.MapGet("/skus/{sku}/prices", GetPricesAsync).WithName("Catalog.GetSkuPrices");
        catalog.MapPut("/skus/{sku}/price", SetPriceAsync).WithName("Catalog.SetSkuPrice");
        catalog.MapPut("/skus/{sku}/active", SetActiveAsync).WithName("Catalog.SetSkuActive");
        catalog.MapPut("/skus/{sku}/overrides", SetOverrideAsync).WithName("Catalog.SetPriceOverride");
        catalog.MapDelete("/skus/{sku}/overrides", RemoveOverrideAsync).WithName("Catalog.RemovePriceOverride");
        catalog.MapPost("/import", ImportAsync).WithName("Catalog.Import").Accepts<string>("text/csv")
            .WithMetadata(new RequestSizeLimitAttribute(ImportCatalog.MaxBytes));
        return catalog;
    }

    private static async Task<Results<Created<ProductView>, ProblemHttpResult>> CreateProductAsync(
        CreateProductRequest request, Caller caller, CreateProduct handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, ct)).ToCreated(p => $"/api/catalog/products/{p.Id}");

    private static async Task<Results<Ok<Page<ProductView>>, ProblemHttpResult>> ListProductsAsync(
        string? category, string? search, int? limit, string? cursor, Caller caller, ProductQueries queries, Cursors cursors, CancellationToken ct) =>
        (await cursors.PageAsync(caller, "catalog.products", limit, cursor, page => queries.ListAsync(caller, new ProductQuery(category, search), page, ct))).ToOk();

    private static async Task<Results<Ok<ProductView>, ProblemHttpResult>> GetProductAsync(string id, Caller caller, ProductQueries queries, CancellationToken ct) =>
        (await queries.GetAsync(caller, id, ct)).ToOk();

    private static async Task<Results<Ok<SkuView>, ProblemHttpResult>> GetSkuAsync(string sku, Caller caller, SkuQueries queries, CancellationToken ct) =>
        (await queries.GetAsync(caller, sku, ct)).ToOk();

    private static async Task<Results<Ok<SkuView>, ProblemHttpResult>> FindByGtinAsync(string gtin, Caller caller, SkuQueries queries, CancellationToken ct) =>
        (await queries.FindByGtinAsync(caller, gtin, ct)).ToOk();

    private static async Task<Results<Ok<SkuPricesView>, ProblemHttpResult>> GetPricesAsync(
        string sku, string? locationId, Caller caller, SkuQueries queries, CancellationToken ct) =>
        (await queries.PricesAsync(caller, sku, locationId, ct)).ToOk();

    private static async Task<Results<Ok<SkuView>, ProblemHttpResult>> SetPriceAsync(
        string sku, PriceRequest request, Caller caller, UpdateSku handler, CancellationToken ct) =>
        (await handler.SetPriceAsync(caller, sku, request, ct)).ToOk();

    private static async Task<Results<Ok<SkuView>, ProblemHttpResult>> SetActiveAsync(
        string sku, SkuActiveRequest request, Caller caller, UpdateSku handler, CancellationToken ct) =>
        (await handler.SetActiveAsync(caller, sku, request, ct)).ToOk();

    private static async Task<Results<Ok<OverrideView>, ProblemHttpResult>> SetOverrideAsync(
        string sku, SetOverrideRequest request, Caller caller, ManagePriceOverrides handler, CancellationToken ct) =>
        (await handler.SetAsync(caller, sku, request, ct)).ToOk();

    // DELETE does not infer a body parameter, so [FromBody] says the target comes in the body.
    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveOverrideAsync(
        string sku, [FromBody] OverrideTargetRequest request, Caller caller, ManagePriceOverrides handler, CancellationToken ct) =>
        (await handler.RemoveAsync(caller, sku, request, ct)).ToNoContent();

    private static async Task<Results<Ok<CatalogImported>, ProblemHttpResult>> ImportAsync(
        Stream body, Caller caller, ImportCatalog handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, body, ct)).ToOk();
}
