using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Identity.Users;
using UniRetail.Kernel;
using UniRetail.Web;

namespace UniRetail.WebConsole.Auth;

/// <summary>
/// How people sign in to the console: an encrypted cookie (data protection keys in a directory every server shares),
/// checked against the user's row on every request so a changed password or a removed user ends the session. The API
/// keeps its bearer keys: a request under <c>/api</c> or with an Authorization header is never authenticated by the
/// cookie, so a page of another site cannot make a signed-in browser call the API.
/// </summary>
public static class ConsoleAuthentication
{
    public const string CookieScheme = "UniRetail.Console";
    public const string Policy = "Console";
    public const string CookieName = "uniretail.console";
    private const string SelectorScheme = "UniRetail";
    private const string ApiKeyScheme = "ApiKey";
    internal const string UserClaim = "uniretail:user";
    internal const string StampClaim = "uniretail:stamp";

    /// <summary>The cookie scheme, the scheme that picks between it and the API key, the console policy and antiforgery.</summary>
    public static IServiceCollection AddConsoleAuthentication(this IServiceCollection services, string dataProtectionKeys)
    {
        services.AddDataProtection().SetApplicationName("UniRetail").PersistKeysToFileSystem(new DirectoryInfo(dataProtectionKeys));
        services.AddAuthentication(o =>
            {
                o.DefaultScheme = SelectorScheme;
                o.DefaultChallengeScheme = SelectorScheme;
                o.DefaultForbidScheme = SelectorScheme;
            })
            .AddPolicyScheme(SelectorScheme, "API key or console cookie", o => o.ForwardDefaultSelector = context =>
                context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || context.Request.Headers.Authorization.Count > 0
                    ? ApiKeyScheme : CookieScheme)
            .AddCookie(CookieScheme, o =>
            {
                o.Cookie.Name = CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = "/signin";
                o.AccessDeniedPath = "/";
                o.ExpireTimeSpan = TimeSpan.FromHours(10);
                o.SlidingExpiration = true;
                o.Events.OnValidatePrincipal = ValidateAsync;
            });
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p.AddAuthenticationSchemes(CookieScheme).RequireAuthenticatedUser().RequireClaim(UserClaim));
        services.AddCascadingAuthenticationState();
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "uniretail.antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
        return services;
    }

    /// <summary>POST /signout (with the form's antiforgery token): ends the session and goes back to the sign-in page.</summary>
    public static IEndpointRouteBuilder MapSignOut(this IEndpointRouteBuilder app)
    {
        app.MapPost("/signout", async (HttpContext context, IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(context))
                return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request.",
                    detail: "The form's antiforgery token is missing or wrong: reload the page and try again.",
                    extensions: new Dictionary<string, object?> { ["code"] = "console.antiforgery" });
            await context.SignOutAsync(CookieScheme);
            return Results.Redirect("/signin");
        }).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    internal static ClaimsPrincipal Principal(SignedInUser user)
    {
        var principal = CallerClaims.ToPrincipal(user.Caller, user.UserId, CookieScheme);
        var identity = (ClaimsIdentity)principal.Identity!;
        identity.AddClaim(new Claim(ClaimTypes.Name, user.Email));
        identity.AddClaim(new Claim(UserClaim, user.UserId));
        identity.AddClaim(new Claim(StampClaim, user.Stamp));
        return principal;
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var tenant = principal?.FindFirstValue(CallerClaims.Tenant);
        var user = principal?.FindFirstValue(UserClaim);
        var stamp = principal?.FindFirstValue(StampClaim);
        var current = tenant is null || user is null || stamp is null
            ? null
            : await context.HttpContext.RequestServices.GetRequiredService<SignInUser>().CurrentAsync(new TenantId(tenant), user, stamp, context.HttpContext.RequestAborted);
        if (current is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieScheme);
        }
    }
}
