using System.Net;
using System.Net.Http.Headers;
using UniRetail.Server.Tests.Infrastructure;
using Xunit;

namespace UniRetail.Server.Tests.Fuzzing;

/// <summary>The fuzzer's answer rules on answers made by hand: a leak is a leak in text, not in an image's bytes.</summary>
public sealed class AnswerRulesTests
{
    private static readonly FuzzCase QrImage = new(
        new ApiOperation(HttpMethod.Get, "/api/members/{memberId}/member-code/{code}/qr.png", "Store.MemberCodeImage", [], null, null),
        "a body on a GET", new ApiRequest(HttpMethod.Get, "/api/members/mem_1/member-code/CODE/qr.png"));

    private static HttpResponseMessage Answer(HttpStatusCode status, string mediaType, string body)
    {
        var content = new StringContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(status) { Content = content };
    }

    [Fact]
    public void AnImageWhoseBytesHappenToSpellAGenericTypeNameBreaksNoRule()
    {
        const string png = "\u0089PNG\r\n\u001a\n IDATx`1\u0003IEND";
        using var answer = Answer(HttpStatusCode.OK, "image/png", png);

        Assert.Empty(AnswerRules.Broken(QrImage, answer, png));
    }

    [Theory]
    [InlineData("application/problem+json", """{"code":"x","detail":"List`1 is not valid"}""")]
    [InlineData("image/svg+xml", "<svg><text>System.String</text></svg>")]
    public void TextThatShowsADotNetTypeNameIsALeak(string mediaType, string body)
    {
        using var answer = Answer(HttpStatusCode.BadRequest, mediaType, body);

        Assert.Contains(AnswerRules.Broken(QrImage, answer, body), rule => rule.StartsWith("the answer shows .NET's", StringComparison.Ordinal));
    }
}
