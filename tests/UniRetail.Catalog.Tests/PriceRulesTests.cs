using UniRetail.Catalog.Domain;
using UniRetail.Kernel;
using Xunit;

namespace UniRetail.Catalog.Tests;

public sealed class PriceRulesTests
{
    private static readonly Sku Mug = Sku.Parse("MUG-1").Value;
    private static readonly LocationId CoventGarden = new("loc_cg");
    private static readonly LocationId Camden = new("loc_camden");
    private static readonly Money Base = Gbp(12.00m);

    private static Money Gbp(decimal amount) => Money.Of(amount, Currency.Gbp).Value;

    private static PriceOverride ForChannel(SalesChannel channel, decimal amount) => new(Mug, new PriceTarget.Channel(channel), Gbp(amount));

    private static PriceOverride AtStore(LocationId store, decimal amount) => new(Mug, new PriceTarget.Location(store), Gbp(amount));

    [Fact]
    public void Resolve_NoOverrides_IsTheBasePrice()
    {
        Assert.Equal(Base, PriceRules.Resolve(Base, [], SalesChannel.Pos, CoventGarden));
    }

    [Fact]
    public void Resolve_ChannelOverride_AppliesToThatChannelOnly()
    {
        PriceOverride[] overrides = [ForChannel(SalesChannel.Web, 10.50m)];

        Assert.Equal(Gbp(10.50m), PriceRules.Resolve(Base, overrides, SalesChannel.Web, null));
        Assert.Equal(Base, PriceRules.Resolve(Base, overrides, SalesChannel.App, null));
    }

    [Fact]
    public void Resolve_LocationAndChannelOverride_LocationWinsAtThatStoreInAnyChannel()
    {
        PriceOverride[] overrides = [ForChannel(SalesChannel.Pos, 11.00m), AtStore(CoventGarden, 9.99m)];

        Assert.Equal(Gbp(9.99m), PriceRules.Resolve(Base, overrides, SalesChannel.Pos, CoventGarden));
        Assert.Equal(Gbp(9.99m), PriceRules.Resolve(Base, overrides, SalesChannel.Web, CoventGarden));
        Assert.Equal(Gbp(11.00m), PriceRules.Resolve(Base, overrides, SalesChannel.Pos, Camden));
        Assert.Equal(Base, PriceRules.Resolve(Base, overrides, SalesChannel.Web, null));
    }
}
