using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Data;
using UniRetail.Data.Invalidation;
using UniRetail.Identity.ApiKeys;
using UniRetail.Identity.Contracts;
using UniRetail.Identity.Locations;
using UniRetail.Identity.Persistence;
using UniRetail.Identity.Tenants;
using UniRetail.Identity.Users;
using Microsoft.AspNetCore.Identity;

namespace UniRetail.Identity;

/// <summary>Tenants, their locations, the API keys that scope every request to one tenant, and the console's users.</summary>
public static class IdentityModule
{
    public static IServiceCollection AddIdentityModule(this IServiceCollection services)
    {
        services.AddMigrations<LocationStore>("identity");
        services.AddSingleton<TenantStore>().AddSingleton<LocationStore>().AddSingleton<ApiKeyStore>();
        services.AddSingleton<LocationDirectory>().AddSingleton<ILocationDirectory>(sp => sp.GetRequiredService<LocationDirectory>());
        services.AddSingleton<TenantDirectory>().AddSingleton<ITenantDirectory>(sp => sp.GetRequiredService<TenantDirectory>());
        services.AddSingleton<ApiKeyCache>().AddSingleton<IInvalidationSubscriber>(sp => sp.GetRequiredService<ApiKeyCache>());
        services.AddSingleton<CreateTenant>().AddSingleton<ITenantProvisioning>(sp => sp.GetRequiredService<CreateTenant>());
        services.AddSingleton<SaveLocation>().AddSingleton<ManageApiKeys>();
        services.AddSingleton<ILocationRegistry, LocationRegistry>();
        services.AddSingleton<UserStore>().AddSingleton<IPasswordHasher<UserRow>, PasswordHasher<UserRow>>();
        services.AddSingleton<ManageUsers>().AddSingleton<SignInUser>();
        return services;
    }

    /// <summary>The API-key bearer scheme; only the HTTP host needs it.</summary>
    public static AuthenticationBuilder AddApiKeyAuthentication(this IServiceCollection services) =>
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);

    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder app)
    {
        app.MapLocations();
        app.MapApiKeys();
        return app;
    }
}
