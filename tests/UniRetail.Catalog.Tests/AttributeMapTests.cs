using UniRetail.Catalog.Domain;
using Xunit;
using UniRetail.Testing;

namespace UniRetail.Catalog.Tests;

public sealed class AttributeMapTests
{
    [Fact]
    public void ParseCell_KeyValuePairs_RoundTripsSortedByKey()
    {
        var map = AttributeMap.ParseCell(" size = M ;colour=red;", "row 3: attributes").Value;

        Assert.Equal("M", map.Entries["size"]);
        Assert.Equal("colour=red;size=M", map.ToCell());
        Assert.Equal(map.ToCell(), AttributeMap.FromJson(map.ToJson()).ToCell());
    }

    [Theory]
    [InlineData("colour")]
    [InlineData("=red")]
    [InlineData("colour=red;Colour=blue")]
    public void ParseCell_NotKeyValue_IsMalformedAtTheField(string cell)
    {
        var error = AttributeMap.ParseCell(cell, "row 3: attributes").ShouldFail();

        Assert.Equal("catalog.attribute_malformed", error.Code);
        Assert.Equal("row 3: attributes", error.Field);
    }
}
