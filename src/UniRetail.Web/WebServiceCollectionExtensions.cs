using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Kernel;

namespace UniRetail.Web;

public static class WebServiceCollectionExtensions
{
    /// <summary>Makes the calling key's <see cref="Caller"/> an endpoint parameter like any service.</summary>
    public static IServiceCollection AddCallerFromRequest(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddScoped(sp => sp.GetRequiredService<IHttpContextAccessor>().HttpContext!.User.ToCaller());
        return services;
    }
}
