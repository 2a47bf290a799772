using UniRetail.Kernel;
using UniRetail.Store.Domain;
using Xunit;

namespace UniRetail.Store.Tests;

public sealed class CoPurchaseTests
{
    private static readonly Sku Tea = Sku.Parse("TEA").Value, Cup = Sku.Parse("CUP").Value, Jam = Sku.Parse("JAM").Value, Bun = Sku.Parse("BUN").Value;

    /// <summary>
    /// Seven baskets: tea with a cup four times (once with jam, once with a bun), jam with a bun twice, a bun alone. So 7 baskets;
    /// tea 4, cup 4, jam 3, bun 4; tea+cup 4, jam+bun 2, tea+jam 1, cup+jam 1, tea+bun 1, cup+bun 1.
    /// </summary>
    private static CoPurchaseCounts Counted(ComplementRules rules)
    {
        var counts = new CoPurchaseCounts(rules);
        foreach (var basket in new[] { new[] { Tea, Cup, Jam }, [Tea, Cup], [Cup, Tea, Tea], [Tea, Cup, Bun], [Jam, Bun], [Bun, Jam], [Bun] })
            counts.Add(basket);
        return counts;
    }

    [Fact]
    public void ComplementsOf_HandWrittenBaskets_HaveExactlyTheirLift()
    {
        var counts = Counted(new ComplementRules(MinSupport: 1));

        Assert.Equal(7, counts.Baskets);
        Assert.Equal((4L, 4L, 3L, 4L), (counts.BasketsWith(Tea), counts.BasketsWith(Cup), counts.BasketsWith(Jam), counts.BasketsWith(Bun)));
        // tea+cup: 7 × 4 / (4 × 4) = 1.75; tea+jam: 7 × 1 / (4 × 3) = 0.58 and tea+bun 7 / 16: below 1, not complements.
        Assert.Equal([new Complement(Cup, 1.75, 4)], counts.ComplementsOf(Tea));
        // jam+bun: 7 × 2 / (3 × 4) = 7/6; jam+tea and jam+cup 7/12.
        Assert.Equal([new Complement(Bun, 7.0 / 6.0, 2)], counts.ComplementsOf(Jam));
        Assert.Equal([new Complement(Jam, 7.0 / 6.0, 2)], counts.ComplementsOf(Bun));
    }

    [Fact]
    public void ComplementsOf_PairsBelowTheMinimumSupport_AreLeftOut()
    {
        var counts = Counted(new ComplementRules(MinSupport: 3));

        Assert.Equal([new Complement(Cup, 1.75, 4)], counts.ComplementsOf(Tea));
        Assert.Empty(counts.ComplementsOf(Jam));
        Assert.Empty(counts.ComplementsOf(Sku.Parse("NEVER-SOLD").Value));
    }

    [Fact]
    public void Rank_EqualLifts_PutMoreBasketsTogetherFirstThenTheSkuAndKeepTopK()
    {
        var others = new[] { new PairCount(Jam, 2, 4), new PairCount(Cup, 4, 8), new PairCount(Bun, 4, 8), new PairCount(Tea, 1, 100) };

        var ranked = CoPurchase.Rank(baskets: 16, withSku: 4, others, new ComplementRules(MinSupport: 1, TopK: 2));

        Assert.Equal([new Complement(Bun, 2.0, 4), new Complement(Cup, 2.0, 4)], ranked);
    }

    [Fact]
    public void Items_RepeatedSkusAndLongBaskets_CountEachSkuOnceUpToTheCap()
    {
        var rules = new ComplementRules(MaxSkusPerBasket: 2);

        Assert.Equal([Tea, Cup], CoPurchase.Items([Tea, Tea, Cup, Jam], rules));
        Assert.Equal([(Tea, Cup), (Cup, Tea)], CoPurchase.Pairs([Tea, Cup]));
    }
}
