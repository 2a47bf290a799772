using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using UniRetail.Identity.Domain;
using UniRetail.Web;

namespace UniRetail.Identity.ApiKeys;

/// <summary>Authenticates <c>Authorization: Bearer {keyId}.{secret}</c> against the stored hash; the key's tenant scopes the request.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyCache keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
            return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer {api key}'.");
        var token = ApiKeyToken.TryParse(header["Bearer ".Length..].Trim());
        if (token is null)
            return AuthenticateResult.Fail("The API key is malformed.");
        var row = await keys.FindAsync(token.KeyId, Context.RequestAborted);
        if (row is null || row.RevokedAtMs is not null || !token.Matches(row.SecretHash))
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        return AuthenticateResult.Success(new AuthenticationTicket(CallerClaims.ToPrincipal(row.ToCaller(), row.KeyId, SchemeName), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = (await HandleAuthenticateOnceSafeAsync()).Failure?.Message ?? "An API key is required: 'Authorization: Bearer {api key}'.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Results.Problem(title: "Unauthorized.", detail: failure, statusCode: 401,
            extensions: new Dictionary<string, object?> { ["code"] = "identity.unauthenticated" }).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(title: "Forbidden.", detail: "This key's role does not allow this.", statusCode: 403,
            extensions: new Dictionary<string, object?> { ["code"] = "identity.role_forbidden" }).ExecuteAsync(Context);
}
