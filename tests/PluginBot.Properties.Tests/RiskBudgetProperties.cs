using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using PluginBot.Engine.Committees;
using PluginBot.Experts.Committees;
using PluginBot.Experts.Ensembles;
using PluginBot.Experts.Routing;
using PluginBot.Properties.Tests.Infrastructure;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;
using Xunit.Abstractions;

namespace PluginBot.Properties.Tests;

/// <summary>
/// Issue 8, per-expert risk budgets: whatever the committee's votes, the budgets, the account, the price and the
/// instrument's rules, the quantity the budgets allow never values more than Σ min(share × target, budget × equity),
/// never exceeds the sized target, is a legal order for the instrument (or zero), and gives nothing away to rounding
/// beyond one lot.
/// </summary>
public sealed class RiskBudgetProperties(ITestOutputHelper output)
{
    /// <summary>
    /// Shares come from a real committee decision on generated votes and prior weights; the bound is recomputed here
    /// from those shares, in decimal, independently of the engine's code.
    /// </summary>
    [Fact]
    public void Apply_RandomVotesBudgetsAndInstruments_AllowedQuantityStaysWithinTheBudgetsAndIsLegal()
    {
        var coverage = new Coverage();
        var cases =
            from expertCount in Gen.Choose(1, 5)
            from weights in Gen.ArrayOf(Gen.Choose(1, 100), expertCount)
            from directions in Gen.ArrayOf(Gen.Elements(SignalDirection.Long, SignalDirection.Long, SignalDirection.Short, SignalDirection.Hold), expertCount)
            from confidences in Gen.ArrayOf(Gen.Choose(0, 100), expertCount)
            from budgets in Gen.ArrayOf(Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(1, 10_000))), expertCount)
            from equity in Gen.Frequency((1, Gen.Choose(-1_000, 100)), (6, Gen.Choose(100, 5_000_000)))
            from priceCents in Gen.Frequency((1, Gen.Choose(1, 1_000)), (3, Gen.Choose(1_000, 10_000_000)))
            from lotExponent in Gen.Choose(0, 6)
            from minimumLots in Gen.Choose(0, 20)
            from minimumNotional in Gen.Elements(0m, 1m, 5m, 10m, 100m)
            from multiplier in Gen.Elements(1m, 1m, 0.01m, 10m)
            from targetLots in Gen.Frequency((1, Gen.Choose(1, 100)), (3, Gen.Choose(100, 2_000_000)))
            select new
            {
                Weights = weights.Select(weight => (double)weight).ToArray(),
                Signals = directions.Select((direction, index) => direction == SignalDirection.Hold ? Signal.Hold : new Signal(direction, confidences[index] / 100d, TimeSpan.Zero)).ToArray(),
                // 0 stands for "no budget"; otherwise a fraction of equity in (0, 1] in steps of 0.0001.
                Budgets = budgets.Select(budget => budget == 0 ? (double?)null : budget / 10_000d).ToArray(),
                Equity = (decimal)equity,
                Price = priceCents / 100m,
                Rules = new InstrumentRules("BTCUSDT", "USDT", 0.01m, Pow10(lotExponent), minimumLots * Pow10(lotExponent), minimumNotional, multiplier),
                TargetLots = targetLots,
            };

        Check(Arb.From(cases), seed: 8_201, generated =>
        {
            var names = Enumerable.Range(0, generated.Signals.Length).Select(index => $"expert{index}").ToArray();
            var sets = new ExpertSets(names, Enum.GetValues<MarketRegime>().ToDictionary(regime => regime, _ => (IReadOnlyList<string>)names));
            var committee = new ExpertCommittee(sets, _ => new WeightedVotingEnsemble(generated.Weights));
            var decision = committee.Decide("BTCUSDT", (double)generated.Price, null, generated.Signals);
            var attribution = new ExpertAttribution("BTCUSDT", new ExpertRiskBudgets(names, generated.Budgets));
            attribution.Update(decision);
            if (attribution.Direction == SignalDirection.Hold)
            {
                Assert.Equal(SignalDirection.Hold, decision.Signal.Direction);
                coverage.Count("holds");
                return;
            }

            var shares = attribution.Shares.ToArray();
            Assert.Equal(1.0, shares.Sum(), 9);
            for (var expert = 0; expert < shares.Length; expert++)
            {
                Assert.True(shares[expert] >= 0, $"negative share {shares[expert]}");
                if (generated.Signals[expert].Direction != decision.Signal.Direction)
                {
                    Assert.Equal(0.0, shares[expert]);
                }
            }

            var rules = generated.Rules;
            var unitValue = generated.Price * rules.ContractMultiplier;
            // The engine only limits a target the sizer made legal (the sizers check the rules), so the target is
            // raised to the smallest legal quantity when the generated one is below the minimums.
            var smallestLegalLots = Math.Max(Math.Max(rules.MinimumQuantity / rules.LotSize, 1m), Math.Ceiling(rules.MinimumNotional / (rules.LotSize * unitValue)));
            var target = Math.Max(generated.TargetLots, smallestLegalLots) * rules.LotSize;
            Assert.Null(rules.Check(target, generated.Price, priceIsOrderPrice: false));
            var targetNotional = target * unitValue;
            var bound = 0m;
            for (var expert = 0; expert < shares.Length; expert++)
            {
                var part = (decimal)shares[expert] * targetNotional;
                bound += generated.Budgets[expert] is { } budget ? Math.Max(0m, Math.Min(part, (decimal)budget * generated.Equity)) : part;
            }

            var reason = RiskBudgetLimit.Apply(attribution, target, generated.Price, rules, generated.Equity, out var allowed);

            Assert.True(allowed >= 0m && allowed <= target, $"allowed {allowed} outside [0, {target}]");
            Assert.True(allowed * unitValue <= bound, $"allowed {allowed} × {unitValue} exceeds Σ min = {bound}");
            Assert.Equal(0m, allowed % rules.LotSize);
            if (allowed > 0m)
            {
                Assert.Null(rules.Check(allowed, generated.Price, priceIsOrderPrice: false));
                // Rounding gives away less than one lot: one more would break the bound or the target.
                Assert.True(allowed == target || (allowed + rules.LotSize) * unitValue > bound, $"allowed {allowed} leaves a whole lot of room under {bound}");
            }

            if (bound >= targetNotional)
            {
                Assert.Equal(target, allowed);
                Assert.Null(reason);
                coverage.Count("budgets that do not bind");
            }
            else
            {
                Assert.StartsWith("expert risk budgets allow ", reason);
                coverage.Count(allowed == 0m ? "cuts to nothing" : "cuts to a smaller legal order");
            }
        });

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("budgets that do not bind", 500);
        coverage.AtLeast("cuts to a smaller legal order", 2_000);
        coverage.AtLeast("cuts to nothing", 300);
    }

    private static decimal Pow10(int negativeExponent)
    {
        var value = 1m;
        for (var index = 0; index < negativeExponent; index++)
        {
            value /= 10m;
        }

        return value;
    }

    /// <summary>Runs <paramref name="assertion"/> on 10,000 generated values with a fixed seed, as <see cref="PropertyCheck"/> does for scenarios.</summary>
    private static void Check<T>(Arbitrary<T> arbitrary, ulong seed, Action<T> assertion)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(PropertyCheck.Sequences)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(arbitrary, assertion).Check(config);
    }
}
