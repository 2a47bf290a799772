using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using UniRetail.Kernel;
using UniRetail.Web.Requests;

namespace UniRetail.Web.Access;

/// <summary>The requirement every authenticated endpoint carries: the caller's role reaches it in <see cref="RoleReach"/>.</summary>
public sealed class RoleReachRequirement : IAuthorizationRequirement;

internal sealed class RoleReachHandler : AuthorizationHandler<RoleReachRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, RoleReachRequirement requirement)
    {
        if (context.User.Identity?.IsAuthenticated != true || context.Resource is not HttpContext http)
            return Task.CompletedTask;
        var caller = context.User.ToCaller();
        var name = http.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName;
        var reach = RoleReach.For(name);
        if (reach is null)
            context.Fail(new AuthorizationFailureReason(this, "This endpoint is not open to any key."));
        else if (reach.Allows(caller.Role))
            context.Succeed(requirement);
        else
            context.Fail(new AuthorizationFailureReason(this, $"The {Roles.ToName(caller.Role)} role cannot {reach.What}."));
        return Task.CompletedTask;
    }
}

/// <summary>A refused request is answered as every other error: problem details with a stable code and the reason.</summary>
internal sealed class ProblemAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (!authorizeResult.Forbidden || context.User.Identity?.IsAuthenticated != true)
            return _default.HandleAsync(next, context, policy, authorizeResult);
        var reason = authorizeResult.AuthorizationFailure?.FailureReasons.FirstOrDefault()?.Message ?? "This key's role does not allow this.";
        return Results.Problem(Kernel.Error.Forbidden(RequestErrors.Forbidden, reason).ToProblemDetails(StatusCodes.Status403Forbidden)).ExecuteAsync(context);
    }
}

public static class RoleReachServiceCollectionExtensions
{
    /// <summary>Authorization by <see cref="RoleReach"/>: the default policy (what <c>RequireAuthorization()</c> uses) asks for an authenticated key whose role reaches the endpoint.</summary>
    public static IServiceCollection AddRoleReachAuthorization(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, RoleReachHandler>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResultHandler>();
        services.AddAuthorizationBuilder().SetDefaultPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new RoleReachRequirement()).Build());
        return services;
    }
}
