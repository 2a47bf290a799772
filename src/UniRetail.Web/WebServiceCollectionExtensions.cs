using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Kernel;

namespace UniRetail.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>The calling key's <see cref="Caller"/> as an endpoint parameter like any service, and the list cursors.</summary>
    public static IServiceCollection AddUniRetailWeb(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext!.User.ToCaller());
        services.AddSingleton<Paging.Cursors>();
        return services;
    }
}
