using UniRetail.Identity.Contracts;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Identity.Tests;

public sealed class OpeningHoursTests
{
    [Theory]
    [InlineData("2026-11-23T08:59:00+00:00", false)]
    [InlineData("2026-11-23T09:00:00+00:00", true)]
    [InlineData("2026-11-23T20:59:00+00:00", true)]
    [InlineData("2026-11-23T21:00:00+00:00", false)]
    public void IsOpenAt_Monday_FollowsTheInterval(string instant, bool open)
    {
        var hours = OpeningHours.Parse(new Dictionary<string, string> { ["monday"] = "09:00-21:00" }).Value;

        Assert.Equal(open, hours.IsOpenAt(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void IsOpenAt_IntervalPastMidnight_StaysOpenIntoNextDay()
    {
        var hours = OpeningHours.Parse(new Dictionary<string, string> { ["friday"] = "18:00-02:00" }).Value;

        Assert.True(hours.IsOpenAt(new DateTimeOffset(2026, 11, 28, 1, 30, 0, TimeSpan.Zero)));
        Assert.False(hours.IsOpenAt(new DateTimeOffset(2026, 11, 28, 2, 30, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("funday", "09:00-21:00")]
    [InlineData("monday", "9-21")]
    [InlineData("monday", "09:00-09:00")]
    public void Parse_Malformed_NamesTheDay(string day, string interval)
    {
        var result = OpeningHours.Parse(new Dictionary<string, string> { [day] = interval });

        Assert.Equal("identity.bad_opening_hours", result.ShouldFail().Code);
        Assert.Equal($"openingHours.{day}", result.ShouldFail().Field);
    }
}
