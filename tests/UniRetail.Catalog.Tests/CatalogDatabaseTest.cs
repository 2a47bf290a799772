using Dapper;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Catalog.Products;
using UniRetail.Data;
using UniRetail.Identity.Contracts;
using UniRetail.Kernel;
using UniRetail.Testing;
using Xunit;

namespace UniRetail.Catalog.Tests;

/// <summary>The catalog on a fresh database, with Identity's contracts stood in for and a clock the tests move.</summary>
public abstract class CatalogDatabaseTest(DatabaseProvider provider) : DatabaseTest(provider)
{
    private readonly ManualClock _clock = new();

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected ManualClock Time => _clock;

    protected override TimeProvider? Clock => _clock;

    protected IdentityStandIn Identity => Get<IdentityStandIn>();

    protected override void AddModules(IServiceCollection services)
    {
        services.AddCatalogModule();
        services.AddSingleton<IdentityStandIn>();
        services.AddSingleton<ITenantDirectory>(sp => sp.GetRequiredService<IdentityStandIn>());
        services.AddSingleton<ILocationDirectory>(sp => sp.GetRequiredService<IdentityStandIn>());
    }

    private protected static ProductBuilder AProduct(string code = "MUG-ENAMEL", string name = "Enamel mug") => new(code, name);

    private protected async Task<ProductView> CreateAsync(Caller caller, ProductBuilder product)
    {
        var created = await Get<CreateProduct>().HandleAsync(caller, product.Build(), Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value;
    }

    protected Task<long> CountAsync(string table, TenantId tenant) =>
        Get<Database>().ReadAsync(c => c.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE tenant_id = @Tenant", new { Tenant = tenant.Value }), Ct);
}

internal sealed class ProductBuilder(string code, string name)
{
    private readonly List<SkuRequest> _skus = [];
    private string? _category = "Home/Kitchen";

    public ProductBuilder InCategory(string? category)
    {
        _category = category;
        return this;
    }

    public ProductBuilder WithSku(string sku, decimal price, string? gtin = null, string? currency = "GBP", string? name = null)
    {
        _skus.Add(new SkuRequest(sku, gtin, name, new Dictionary<string, string> { ["colour"] = "white" }, new PriceRequest(price, currency)));
        return this;
    }

    public CreateProductRequest Build() =>
        new(code, name, "Stove-safe enamel, 350 ml.", _category, new Dictionary<string, string> { ["brand"] = "Falcon" }, _skus.ToList());
}
