using CsCheck;
using UniRetail.Kernel;
using UniRetail.Promotions.Contracts;
using UniRetail.Promotions.Definitions;
using UniRetail.Promotions.Domain;
using UniRetail.Promotions.Engine;
using Xunit;

namespace UniRetail.Promotions.Tests;

/// <summary>
/// Properties of the engine over random small baskets (1 to 6 lines) and promotion sets (0 to 6 promotions of every kind,
/// with priorities, exclusivity, stacking groups and conditions).
/// </summary>
public sealed class EngineProperties
{
    private static readonly string[] Skus = ["A", "B", "C", "D", "E", "F"];
    private static readonly string[] Categories = ["Home/Kitchen", "Home/Garden", "Toys"];

    private static readonly Gen<PricingLine[]> GenLines =
        Gen.Select(Gen.Int[1, 63], Gen.Int[1, 6].Array[6], Gen.Int[1, 5000].Array[6], (mask, quantities, prices) =>
            Enumerable.Range(0, 6).Where(i => (mask & (1 << i)) != 0)
                .Select(i => A.Line(Skus[i], quantities[i], prices[i] / 100m, Categories[i % 3])).ToArray());

    private sealed record Spec(int Kind, int SkuMask, int Percent, int Amount, int Quantity, int Priority, bool Exclusive, int Group, int Condition);

    private static readonly Gen<Spec> GenSpec =
        Gen.Select(Gen.Int[0, 9], Gen.Int[1, 63], Gen.Int[1, 100], Gen.Int[1, 3000], Gen.Int[1, 4], Gen.Int[0, 2], Gen.Bool, Gen.Int[0, 2])
            .Select(Gen.Int[0, 3], (t, condition) => new Spec(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5, t.Item6, t.Item7, t.Item8, condition));

    private static readonly Gen<Promotion[]> GenPromotions = GenSpec.Array[0, 6].Select(specs => specs.Select((s, i) => ToPromotion(s, i)).ToArray());

    private static Promotion ToPromotion(Spec s, int n)
    {
        var skus = Enumerable.Range(0, 6).Where(i => (s.SkuMask & (1 << i)) != 0).Select(i => Skus[i]).ToArray();
        var amount = s.Amount / 100m;
        RuleRequest rule = s.Kind switch
        {
            0 => A.PercentOff(s.Percent, skus),
            1 => A.PercentOffCategory(s.Percent, Categories[s.SkuMask % 3]),
            2 => A.AmountOff(amount, skus),
            3 => s.Percent % 2 == 0 ? A.PercentOffBasket(s.Percent) : A.AmountOffBasket(amount),
            4 => A.MultiBuy(s.Quantity + 1, s.Percent % (s.Quantity + 1), skus),
            5 => A.BuyGet(skus, s.Quantity, [Skus[s.SkuMask % 6]], 1 + s.Percent % 2, s.Percent),
            6 => A.Bundle(amount, skus.Length >= 2 ? skus.Take(3).Select(k => (k, 1 + s.Quantity % 2)).ToArray() : [(skus[0], 2)]),
            7 => A.FixedPrice(amount, skus),
            _ => s.Percent % 2 == 0 ? A.SpendThreshold(amount * 2, percent: s.Percent) : A.SpendThreshold(amount, amount: Math.Max(0.01m, decimal.Round(amount / 4, 2))),
        };
        var conditions = s.Condition switch
        {
            1 => new ConditionsRequest(MembersOnly: true),
            2 => new ConditionsRequest(CouponRequired: true),
            3 => new ConditionsRequest(ValidFrom: A.Friday1730London.AddDays(-1), ValidTo: A.Friday1730London.AddDays(1)),
            _ => null,
        };
        return A.Promotion($"p{n}", rule, conditions, s.Priority, s.Exclusive, s.Group switch { 0 => null, 1 => "x", _ => "basket" });
    }

    private static readonly Gen<PricingContext> GenContext =
        Gen.Select(Gen.Int[0, 4], Gen.Bool, Gen.Int[0, 63], (channel, member, unlocked) => A.Context(
            (SalesChannel)channel, member: member, unlocked: Enumerable.Range(0, 6).Where(i => (unlocked & (1 << i)) != 0).Select(i => $"p{i}")));

    private static readonly Gen<(Promotion[] Promotions, PricingContext Context, PricingLine[] Lines)> GenCase =
        Gen.Select(GenPromotions, GenContext, GenLines);

    [Fact]
    public void NoLineIsEverBelowZeroOrAboveItsListPrice_AndTheTotalsAddUp()
    {
        GenCase.Sample(c =>
        {
            var priced = A.Price(c.Promotions, c.Context, c.Lines);
            foreach (var line in priced.Lines)
            {
                Assert.InRange(line.Discount.Amount, 0m, line.ListTotal.Amount);
                Assert.Equal(line.ListTotal.Amount - line.Discount.Amount, line.NetTotal.Amount);
                Assert.Equal(line.Discount.Amount, line.Applied.Sum(a => a.Amount.Amount));
                Assert.All(line.Applied, a => Assert.True(a.Amount.Amount > 0));
            }
            Assert.Equal(priced.Lines.Sum(l => l.ListTotal.Amount), priced.Subtotal.Amount);
            Assert.Equal(priced.Lines.Sum(l => l.Discount.Amount), priced.DiscountTotal.Amount);
            Assert.Equal(priced.Subtotal.Amount - priced.DiscountTotal.Amount, priced.Total.Amount);
            Assert.InRange(priced.Total.Amount, 0m, priced.Subtotal.Amount);
            Assert.Equal(priced.DiscountTotal.Amount, priced.Applied.Sum(a => a.Amount.Amount));
        }, iter: 3000);
    }

    [Fact]
    public void TheChosenCombinationIsAtLeastAsGoodAsEveryValidCombination()
    {
        GenCase.Sample(c =>
        {
            long bruteForce = 0;
            var priced = PricingEngine.Price(PromotionIndex.Build(c.Promotions, 1), c.Context, c.Lines, (candidates, combinations, evaluator) =>
            {
                for (ulong mask = 0; mask < 1UL << candidates.Length; mask++)
                {
                    if (Valid(mask, candidates.Length, combinations))
                        bruteForce = Math.Max(bruteForce, evaluator.Total(mask));
                }
                return combinations.Best();
            });
            Assert.Equal(bruteForce, (long)(priced.DiscountTotal.Amount * 100));
        }, iter: 3000);
    }

    private static bool Valid(ulong mask, int count, Combinations combinations)
    {
        for (var i = 0; i < count; i++)
        {
            if ((mask & (1UL << i)) != 0 && (combinations.ConflictsOf(i) & mask) != 0)
                return false;
        }
        return true;
    }

    [Fact]
    public void TheSameBasketPricesTheSameOnEveryChannelWhereTheSameRulesApply()
    {
        // No generated promotion names a channel, so the same rules apply on every channel.
        Gen.Select(GenPromotions, GenLines, Gen.Bool).Sample(c =>
        {
            var (promotions, lines, member) = c;
            var prices = Enum.GetValues<SalesChannel>().Select(channel => A.Price(promotions, A.Context(channel, member: member), lines)).ToList();
            foreach (var other in prices.Skip(1))
                Assert.Equal(Describe(prices[0]), Describe(other));
        }, iter: 1000);
    }

    [Fact]
    public void PricingIsDeterministic_WhateverTheOrderOfPromotionsAndLines()
    {
        Gen.Select(GenCase, Gen.Int).Sample(c =>
        {
            var ((promotions, context, lines), seed) = c;
            var random = new Random(seed);
            var shuffledPromotions = promotions.OrderBy(_ => random.Next()).ToArray();
            var shuffledLines = lines.OrderBy(_ => random.Next()).ToArray();

            var first = A.Price(promotions, context, lines);
            var again = A.Price(promotions, context, lines);
            var shuffled = A.Price(shuffledPromotions, context, shuffledLines);

            Assert.Equal(Describe(first), Describe(again));
            Assert.Equal(Describe(first), Describe(shuffled));
        }, iter: 2000);
    }

    /// <summary>The answer with lines in SKU order, as text: equal text is an equal answer.</summary>
    private static string Describe(PricedBasket priced) =>
        string.Join("\n", priced.Lines.OrderBy(l => l.Sku.Value, StringComparer.Ordinal).Select(l =>
            $"{l.Sku} {l.ListTotal} -{l.Discount} applied[{string.Join(",", l.Applied.Select(a => $"{a.Promotion}:{a.Amount}"))}] " +
            $"declined[{string.Join(",", l.Declined.Select(d => $"{d.Promotion}:{d.Reason}"))}]"))
        + $"\nbasket -{priced.DiscountTotal} declined[{string.Join(",", priced.Declined.Select(d => $"{d.Promotion}:{d.Reason}"))}]"
        + $" hints[{string.Join(",", priced.Hints.Select(h => h.Message))}]";
}
