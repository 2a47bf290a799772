using System.Text.Json;
using UniRetail.Marketing.Ingest;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Marketing.Tests;

public sealed class SegmentMessageTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);

    private static Kernel.Result<Domain.TrackedEvent> Parse(string json, string? type = "track", DateTimeOffset? sentAt = null)
    {
        using var document = JsonDocument.Parse(json);
        return SegmentMessage.Parse(document.RootElement, type, ReceivedAt, sentAt);
    }

    [Fact]
    public void Parse_Track_KeepsNameIdsTimestampAndProperties()
    {
        var parsed = Parse("""{"userId":"mem_1","event":"Product Viewed","messageId":"m-1","timestamp":"2026-11-19T08:30:00+01:00","properties":{"sku":"MUG-BLUE"}}""");

        Assert.True(parsed.IsSuccess, parsed.Error?.Message);
        Assert.Equal("Product Viewed", parsed.Value.Event);
        Assert.Equal("mem_1", parsed.Value.UserId);
        Assert.Equal("m-1", parsed.Value.MessageId);
        Assert.Equal(new DateTimeOffset(2026, 11, 19, 7, 30, 0, TimeSpan.Zero), parsed.Value.Timestamp);
        Assert.Equal("""{"sku":"MUG-BLUE"}""", parsed.Value.Properties);
    }

    [Fact]
    public void Parse_TrackWithoutEventName_IsRejected()
    {
        var parsed = Parse("""{"userId":"mem_1"}""");

        Assert.Equal("marketing.invalid_event", parsed.ShouldFail().Code);
        Assert.Equal("event", parsed.ShouldFail().Field);
    }

    [Fact]
    public void Parse_NeitherUserIdNorAnonymousId_IsRejected() =>
        Assert.Equal("userId", Parse("""{"event":"Signed Up"}""").ShouldFail().Field);

    [Fact]
    public void Parse_AliasWithoutPreviousId_IsRejectedAndWithBoth_IsAccepted()
    {
        Assert.Equal("previousId", Parse("""{"userId":"mem_1"}""", "alias").ShouldFail().Field);
        Assert.Equal("anon-7", Parse("""{"userId":"mem_1","previousId":"anon-7"}""", "alias").Value.PreviousId);
    }

    [Fact]
    public void Parse_GroupWithoutGroupId_IsRejected() =>
        Assert.Equal("groupId", Parse("""{"userId":"mem_1","traits":{"name":"Acme"}}""", "group").ShouldFail().Field);

    [Theory]
    [InlineData("yesterday")]
    [InlineData("11/20/2026")]
    [InlineData("2026-13-40T10:00:00Z")]
    public void Parse_TimestampThatIsNotIso8601_IsRejected(string timestamp)
    {
        var parsed = Parse($$"""{"userId":"mem_1","event":"Signed Up","timestamp":"{{timestamp}}"}""");

        Assert.Equal("marketing.bad_timestamp", parsed.ShouldFail().Code);
        Assert.Equal("timestamp", parsed.ShouldFail().Field);
    }

    [Fact]
    public void Parse_UnknownTypeInBatchItem_IsRejected() =>
        Assert.Equal("type", Parse("""{"type":"purchase","userId":"mem_1"}""", type: null).ShouldFail().Field);

    [Fact]
    public void Parse_NoMessageId_GetsAGeneratedOne()
    {
        var first = Parse("""{"anonymousId":"a-1","event":"Signed Up"}""").Value;
        var second = Parse("""{"anonymousId":"a-1","event":"Signed Up"}""").Value;

        Assert.StartsWith("msg_", first.MessageId, StringComparison.Ordinal);
        Assert.NotEqual(first.MessageId, second.MessageId);
    }

    [Fact]
    public void Parse_NoTimestamp_CorrectsOriginalTimestampByTheClientsClockSkew()
    {
        // The client's clock runs 5 minutes fast: it says it sent at 10:05 what happened at 10:04; we received it at 10:00.
        var parsed = Parse("""{"anonymousId":"a-1","event":"Signed Up","originalTimestamp":"2026-11-20T10:04:00Z"}""",
            sentAt: new DateTimeOffset(2026, 11, 20, 10, 5, 0, TimeSpan.Zero));

        Assert.Equal(ReceivedAt.AddMinutes(-1), parsed.Value.Timestamp);
    }

    [Fact]
    public void Parse_NoTimestampAtAll_IsTheReceivedTime() =>
        Assert.Equal(ReceivedAt, Parse("""{"anonymousId":"a-1","event":"Signed Up"}""").Value.Timestamp);

    [Fact]
    public void Parse_NumericUserId_IsKeptAsItsDigits() =>
        Assert.Equal("12345", Parse("""{"userId":12345,"event":"Signed Up"}""").Value.UserId);

    [Fact]
    public void Parse_PropertiesThatAreNotAnObject_IsRejected() =>
        Assert.Equal("properties", Parse("""{"userId":"u","event":"E","properties":[1,2]}""").ShouldFail().Field);

    [Fact]
    public void Parse_EventOver32Kilobytes_IsTooLarge()
    {
        var blob = new string('x', 33 * 1024);
        var parsed = Parse("{\"userId\":\"u\",\"event\":\"E\",\"properties\":{\"blob\":\"" + blob + "\"}}");

        Assert.Equal("marketing.event_too_large", parsed.ShouldFail().Code);
    }

    [Fact]
    public void Parse_PaddedIds_AreStoredTrimmedAsIdentityResolutionComparesThem()
    {
        var parsed = Parse("""{"userId":"  mem_1 ","anonymousId":" a-1","event":"E"}""");

        Assert.Equal(("mem_1", "a-1"), (parsed.Value.UserId, parsed.Value.AnonymousId));
    }

    [Theory]
    [InlineData("""{"userId":"mem\u00001","event":"E"}""", "userId")]
    [InlineData("""{"userId":"mem_1","event":"E\u0000"}""", "event")]
    public void Parse_NulCharacters_AreRejectedNotStored(string json, string field) =>
        Assert.Equal(field, Parse(json).ShouldFail().Field);

    [Theory]
    [InlineData("""{"userId":"\udc00","event":"E"}""", "userId")]
    [InlineData("""{"anonymousId":"a\ud800","event":"E"}""", "anonymousId")]
    [InlineData("""{"userId":"u","event":"E\udfff"}""", "event")]
    [InlineData("""{"userId":"u","event":"E","messageId":"\ud800\ud800"}""", "messageId")]
    [InlineData("""{"userId":"u","event":"E","properties":{"q":"\udc00"}}""", "properties.q")]
    [InlineData("""{"userId":"u","event":"E","context":{"traits":{"emails":["a@example.com","\udc00"]}}}""", "context.traits.emails[1]")]
    public void Parse_HalfASurrogatePairAnywhere_IsRejectedNamingTheField(string json, string field)
    {
        var error = Parse(json).ShouldFail();

        Assert.Equal(("marketing.invalid_text", field), (error.Code, error.Field));
    }

    [Fact]
    public void Parse_BytesThatAreNotUtf8InAName_AreRejectedNamingTheField()
    {
        byte[] body = [.. """{"userId":"u","type":"page","name":"Home"""u8, 0xC3, .. "\"}"u8];
        using var document = JsonDocument.Parse(body);

        var error = SegmentMessage.Parse(document.RootElement, null, ReceivedAt, null).ShouldFail();

        Assert.Equal(("marketing.invalid_text", "name"), (error.Code, error.Field));
    }
}
