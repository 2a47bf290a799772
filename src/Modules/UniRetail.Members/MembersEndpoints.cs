using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using UniRetail.Kernel;
using UniRetail.Members.Contracts;
using UniRetail.Members.Domain;
using UniRetail.Members.Identifiers;
using UniRetail.Members.Merging;
using UniRetail.Members.Profiles;
using UniRetail.Members.Registration;
using UniRetail.Web;
using UniRetail.Web.Paging;

namespace UniRetail.Members;

internal static class MembersEndpoints
{
    public static RouteGroupBuilder MapMembers(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/api/members").WithTags("Members").RequireAuthorization();
        members.MapPost("/", RegisterAsync).WithName("Members.Register");
        members.MapGet("/lookup", LookupAsync).WithName("Members.Lookup")
            .WithDescription("Finds the member holding an identifier. A phone's unescaped + (which a query string reads as a space) is taken as +.");
        members.MapPost("/merge", MergeAsync).WithName("Members.Merge");
        members.MapGet("/{id}", GetAsync).WithName("Members.Get");
        members.MapPost("/{id}/identifiers", AddIdentifierAsync).WithName("Members.AddIdentifier");
        members.MapDelete("/{id}/identifiers/{kind}/{value}", RemoveIdentifierAsync).WithName("Members.RemoveIdentifier");
        members.MapGet("/{id}/merges", ListMergesAsync).WithName("Members.ListMerges");
        return members;
    }

    private static async Task<Results<Created<MemberView>, ProblemHttpResult>> RegisterAsync(
        RegisterMemberRequest request, Caller caller, RegisterMember handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, ct)).ToCreated(m => $"/api/members/{m.Id}");

    private static async Task<Results<Ok<MemberView>, ProblemHttpResult>> GetAsync(string id, Caller caller, FindMember handler, CancellationToken ct) =>
        (await handler.GetAsync(caller, new MemberId(id), ct)).ToOk();

    private static async Task<Results<Ok<MemberView>, ProblemHttpResult>> LookupAsync(
        string? kind, string? value, Caller caller, FindMember handler, CancellationToken ct) =>
        (await handler.LookupAsync(caller, kind, PlusFromQuery(kind, value), ct)).ToOk();

    // A query string decodes an unescaped + as a space, so "+447700900123" arrives as " 447700900123". No phone number is
    // written as a space then a digit, so that space can only be the + it was.
    private static string? PlusFromQuery(string? kind, string? value) =>
        value is [' ', var next, ..] && char.IsAsciiDigit(next) && IdentifierKinds.Parse(kind) is { IsSuccess: true, Value: IdentifierKind.Phone }
            ? "+" + value[1..]
            : value;

    private static async Task<Results<Created<IdentifierView>, ProblemHttpResult>> AddIdentifierAsync(
        string id, IdentifierRequest request, Caller caller, ManageIdentifiers handler, CancellationToken ct) =>
        (await handler.AddAsync(caller, new MemberId(id), request, ct)).ToCreated(_ => $"/api/members/{id}");

    private static async Task<Results<NoContent, ProblemHttpResult>> RemoveIdentifierAsync(
        string id, string kind, string value, Caller caller, ManageIdentifiers handler, CancellationToken ct) =>
        (await handler.RemoveAsync(caller, new MemberId(id), kind, value, ct)).ToNoContent();

    private static async Task<Results<Ok<MergeView>, ProblemHttpResult>> MergeAsync(
        MergeMembersRequest request, Caller caller, ClaimsPrincipal user, MergeMembers handler, CancellationToken ct) =>
        (await handler.HandleAsync(caller, request, user.FindFirstValue(CallerClaims.KeyId) ?? "api", ct)).ToOk();

    private static async Task<Results<Ok<Page<MergeView>>, ProblemHttpResult>> ListMergesAsync(
        string id, int? limit, string? cursor, Caller caller, MergeHistory handler, Cursors cursors, CancellationToken ct) =>
        (await cursors.PageAsync(caller, "members.merges", limit, cursor, page => handler.HandleAsync(caller, new MemberId(id), page, ct))).ToOk();
}
