using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using UniRetail.WebConsole.Auth;
using UniRetail.WebConsole.Components;

namespace UniRetail.WebConsole;

/// <summary>The web console: Blazor pages on a server circuit, signed in with a cookie, calling the modules' handlers.</summary>
public static class WebConsoleModule
{
    /// <summary>The default directory of the console's data-protection keys: beside the server keyring, shared by every server.</summary>
    public static string DefaultKeysDirectory(string keyringFile) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(keyringFile)) ?? ".", "uniretail-console-keys");

    public static IServiceCollection AddWebConsole(this IServiceCollection services, string dataProtectionKeys)
    {
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();
        services.AddConsoleAuthentication(dataProtectionKeys);
        return services;
    }

    /// <summary>Antiforgery checks for the console's forms; after authentication and authorization, before the endpoints.</summary>
    public static IApplicationBuilder UseWebConsole(this IApplicationBuilder app) => app.UseAntiforgery();

    public static IEndpointRouteBuilder MapWebConsole(this IEndpointRouteBuilder app)
    {
        app.MapStaticAssets();
        app.MapSignOut();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
