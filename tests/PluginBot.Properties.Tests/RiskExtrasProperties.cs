using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using PluginBot.Plugins.Risk.CircuitBreaker;
using PluginBot.Plugins.Risk.Correlation;
using PluginBot.Plugins.Risk.ExecutionAdaptive;
using PluginBot.Properties.Tests.Infrastructure;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;
using Xunit.Abstractions;
using RegimeAdaptiveSizer = PluginBot.Plugins.RegimeAdaptiveSizer.RegimeAdaptiveSizer;
using VolatilityTargetSizer = PluginBot.Plugins.VolatilityTargetSizer.VolatilityTargetSizer;

namespace PluginBot.Properties.Tests;

/// <summary>
/// Issue 8, the further layers and sizers: 10,000 generated event sequences each (prices with gaps and missing bars,
/// fills and their latencies, round-trip outcomes, expert decisions and confidences, regime estimates) driven straight
/// into the plugin over a hand-set world, so the oracle knows exactly what the plugin was shown.
/// </summary>
public sealed class RiskExtrasProperties(ITestOutputHelper output)
{
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT", "SOLUSDT"];
    private static readonly DateTime Origin = new(2024, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// After every entry the correlation layer lets through (whole or scaled), the intent's cluster — as an
    /// independent naive model computes it — holds at most <c>maximumClusterFraction</c> × equity, with the symbol at
    /// its resulting position and the other members at their marks; a symbol the model puts in no cluster is never
    /// touched, and reductions always pass. Approved quantities are booked, prices move, so clusters fill up and go
    /// over their caps. One allowance: a flip whose closing part is room (as in the gross leverage layer) may be scaled
    /// down until it only closes part of the position; it is then a reduction and must merely not add exposure.
    /// </summary>
    [Fact]
    public void Correlation_RandomMarkets_NoApprovedEntryTakesACorrelatedClusterOverItsCap()
    {
        var coverage = new Coverage();
        Check(ExtrasSequences.Correlation(), seed: 8_101, sequence =>
        {
            var world = new HandSetWorld(string.Create(CultureInfo.InvariantCulture,
                $$"""{ "window": {{sequence.Window}}, "minimumObservations": {{sequence.MinimumObservations}}, "correlationThreshold": {{sequence.ThresholdPercent / 100m}}, "maximumClusterFraction": {{sequence.CapPercent / 100m}} }"""))
            {
                Equity = sequence.Equity,
                Cash = sequence.Equity,
            };
            var layer = new CorrelationRiskManager();
            layer.Initialize(world);
            var oracle = new CorrelationOracle(sequence.Window, sequence.MinimumObservations, sequence.ThresholdPercent / 100d);
            var cap = sequence.CapPercent / 100m * sequence.Equity;
            var closes = sequence.StartCents.Select(cents => cents / 100m).ToArray();
            var seen = new List<string>();
            for (var index = 0; index < sequence.Steps.Length; index++)
            {
                var step = sequence.Steps[index];
                var end = Origin.AddMinutes(index + 1);
                for (var symbol = 0; symbol < Symbols.Length; symbol++)
                {
                    if ((step.SkipMask & (1 << symbol)) != 0)
                    {
                        continue;
                    }

                    var move = ((sequence.Mix[symbol] * step.Common) + ((100 - sequence.Mix[symbol]) * step.Own[symbol])) / 100;
                    closes[symbol] = Math.Max(0.01m, Math.Round(closes[symbol] * (1m + (move / 10_000m)), 8));
                    var bar = new Bar(Symbols[symbol], BarInterval.OneMinute, end.AddMinutes(-1), closes[symbol], closes[symbol], closes[symbol], closes[symbol], 1m);
                    layer.Observe(bar);
                    oracle.Observe(bar.Symbol, bar.EndTime, bar.Close);
                    world.Mark(bar.Symbol, bar.Close);
                    if (!seen.Contains(bar.Symbol))
                    {
                        seen.Add(bar.Symbol);
                    }
                }

                if (step.IntentKind == 0 || oracle.IsAmbiguous(seen))
                {
                    continue;
                }

                var name = Symbols[step.IntentSymbol];
                var price = closes[step.IntentSymbol];
                var position = world.GetPosition(name).Quantity;
                var intent = Intent(name, step, price, position, sequence.Equity);
                var assessment = layer.Assess(in intent);
                if (intent.IsReducing)
                {
                    Assert.Equal(RiskVerdict.Approve, assessment.Verdict);
                    world.SetPosition(name, intent.ResultingPosition, price);
                    continue;
                }

                var cluster = oracle.ClusterOf(name, seen);
                var others = cluster.Where(member => member != name).Sum(member => Math.Abs(world.GetPosition(member).MarketValue));
                if (cluster.Count < 2)
                {
                    Assert.True(assessment.Verdict == RiskVerdict.Approve, $"step {index}: {name} is in no cluster but the layer said {assessment.Verdict}: {assessment.Reason}");
                }

                if (assessment.Verdict == RiskVerdict.Veto)
                {
                    coverage.Count("vetoed entries");
                    continue;
                }

                var quantity = intent.Quantity * assessment.Scale;
                var resulting = position + (intent.Side == OrderSide.Buy ? quantity : -quantity);
                var after = others + (Math.Abs(resulting) * price);
                if (cluster.Count >= 2)
                {
                    if (Math.Abs(resulting) <= Math.Abs(position) && Math.Sign(resulting) * Math.Sign(position) >= 0)
                    {
                        // A flip scaled down so far that it only closes part of the position: a reduction, allowed even
                        // in a cluster over its cap, as long as it does not add exposure.
                        Assert.True(after <= others + (Math.Abs(position) * price), $"step {index}: a scaled flip of {name} added exposure");
                        coverage.Count("flips scaled down to reductions");
                    }
                    else
                    {
                        Assert.True(after <= cap + 0.000001m,
                            $"step {index}: cluster {{{string.Join(", ", cluster)}}} holds {after} after {intent.Side} {quantity} {name} at {price} ({others} in the others), over the cap {cap}");
                        coverage.Count("approved entries into a cluster");
                        coverage.Count("scaled entries", assessment.Verdict == RiskVerdict.Scale);
                    }
                }

                world.SetPosition(name, resulting, price);
            }

            coverage.Count("sequences ending with a cluster over its cap", layer.State == RiskState.Reducing);
        });

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("approved entries into a cluster", 5_000);
        coverage.AtLeast("scaled entries", 1_000);
        coverage.AtLeast("vetoed entries", 1_000);
        coverage.AtLeast("sequences ending with a cluster over its cap", 100);
    }

    /// <summary>
    /// No entry is approved while a breaker is halted, and none is vetoed while none is: the layer's verdict on every
    /// entry equals a model of the documented rules (trip conditions, cool-downs, re-arming) fed the same events —
    /// clock jumps, missing bars, losing and winning round trips, fills with their latencies. Reductions always pass.
    /// </summary>
    [Fact]
    public void CircuitBreaker_RandomEvents_VetoesEntriesExactlyWhileABreakerIsHalted()
    {
        var coverage = new Coverage();
        Check(ExtrasSequences.Breaker(), seed: 8_102, sequence =>
        {
            var world = new HandSetWorld(sequence.Settings) { Equity = 10_000m, Cash = 10_000m };
            var layer = new CircuitBreakerRiskManager();
            layer.Initialize(world);
            var model = new CircuitBreakerModel(sequence.MaximumLosses, TimeSpan.FromMinutes(sequence.LossCooldown), sequence.StaleBars,
                TimeSpan.FromMinutes(sequence.StaleCooldown), TimeSpan.FromMilliseconds(sequence.LatencyLimit), TimeSpan.FromMinutes(sequence.LatencyCooldown));
            world.UtcNow = Origin;
            foreach (var step in sequence.Steps)
            {
                world.UtcNow += TimeSpan.FromMinutes(step.Minutes);
                world.ConsecutiveLosses = step.Outcome switch { 1 => world.ConsecutiveLosses + 1, 2 => 0, _ => world.ConsecutiveLosses };
                if (step.FillLatencyMilliseconds >= 0)
                {
                    world.FillCount++;
                    world.LastFillLatency = TimeSpan.FromMilliseconds(step.FillLatencyMilliseconds);
                }

                for (var symbol = 0; symbol < 2; symbol++)
                {
                    if ((step.ObserveMask & (1 << symbol)) != 0)
                    {
                        var bar = new Bar(Symbols[symbol], BarInterval.OneMinute, world.UtcNow.AddMinutes(-1), 100m, 100m, 100m, 100m, 1m);
                        layer.Observe(bar);
                        model.Observe(bar.Symbol, bar.EndTime, world.UtcNow, world.ConsecutiveLosses, world.FillCount, world.LastFillLatency);
                    }
                }

                var name = Symbols[step.IntentSymbol];
                var intent = step.Reducing
                    ? new OrderIntent(name, OrderSide.Sell, 0.5m, 100m, 1m)
                    : new OrderIntent(name, OrderSide.Buy, 0.5m, 100m, 0m);
                var mustVeto = model.MustVetoEntry(name, world.UtcNow, world.ConsecutiveLosses, world.FillCount, world.LastFillLatency);
                var assessment = layer.Assess(in intent);
                if (step.Reducing)
                {
                    Assert.Equal(RiskVerdict.Approve, assessment.Verdict);
                    coverage.Count("reductions while halted", model.IsHalted(world.UtcNow));
                    continue;
                }

                Assert.True(mustVeto == (assessment.Verdict == RiskVerdict.Veto),
                    $"{world.UtcNow:O} {name}: the model says {(mustVeto ? "halted" : "open")}, the layer said {assessment.Verdict}: {assessment.Reason}");
                Assert.Equal(model.IsHalted(world.UtcNow), layer.State == RiskState.Halted);
                coverage.Count("entries vetoed while halted", mustVeto && model.IsHalted(world.UtcNow));
                coverage.Count("entries approved", !mustVeto);
            }
        });

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("entries vetoed while halted", 10_000);
        coverage.AtLeast("entries approved", 10_000);
        coverage.AtLeast("reductions while halted", 1_000);
    }

    /// <summary>
    /// Whatever the execution quality (slippage from better-than-decision to 200 bp, not-a-number, any fill count and
    /// hit rate) and the settings, the adaptive layer never vetoes, never scales up, never scales below its minimum,
    /// never touches a reduction, and never gives a larger scale for worse slippage.
    /// </summary>
    [Fact]
    public void ExecutionAdaptive_RandomQuality_ScaleStaysWithinItsBoundsAndFallsWithSlippage()
    {
        var coverage = new Coverage();
        var cases =
            from tolerance in Gen.Choose(0, 30)
            from sensitivity in Gen.Choose(0, 300)
            from minimumFills in Gen.Choose(0, 10)
            from poorHitRate in Gen.Choose(0, 100)
            from multiplier in Gen.Choose(1, 100)
            from minimumScale in Gen.Choose(1, 10_000)
            from views in Gen.ArrayOf(
                from fills in Gen.Choose(0, 20)
                from slippage in Gen.Frequency((20, Gen.Choose(-500, 2_000).Select(tenths => tenths / 10d)), (1, Gen.Constant(double.NaN)))
                from hitRate in Gen.Choose(0, 100)
                select (Fills: fills, Slippage: slippage, HitRate: hitRate / 100d), 10)
            select (Settings: string.Create(CultureInfo.InvariantCulture,
                    $$"""{ "slippageToleranceBasisPoints": {{tolerance}}, "slippageSensitivity": {{sensitivity / 1000m}}, "minimumFills": {{minimumFills}}, "poorHitRate": {{poorHitRate / 100m}}, "poorHitRateMultiplier": {{multiplier / 100m}}, "minimumScale": {{minimumScale / 10_000m}} }"""),
                MinimumScale: minimumScale / 10_000m, Views: views);
        Check(Arb.From(cases), seed: 8_103, generated =>
        {
            var world = new HandSetWorld(generated.Settings);
            var layer = new ExecutionAdaptiveRiskManager();
            layer.Initialize(world);
            foreach (var view in generated.Views)
            {
                world.FillCount = view.Fills;
                world.RecentHitRate = view.HitRate;
                world.AverageSlippageBasisPoints = view.Slippage;
                var entry = layer.Assess(new OrderIntent("BTCUSDT", OrderSide.Buy, 1m, 100m, 0m));
                Assert.NotEqual(RiskVerdict.Veto, entry.Verdict);
                Assert.InRange(entry.Scale, generated.MinimumScale, 1m);
                Assert.Equal(RiskVerdict.Approve, layer.Assess(new OrderIntent("BTCUSDT", OrderSide.Sell, 1m, 100m, 2m)).Verdict);
                coverage.Count("entries at the minimum scale", entry.Scale == generated.MinimumScale);
                coverage.Count("entries scaled between the bounds", entry.Scale > generated.MinimumScale && entry.Scale < 1m);

                if (double.IsFinite(view.Slippage))
                {
                    world.AverageSlippageBasisPoints = view.Slippage + 10;
                    Assert.True(layer.CurrentScale <= entry.Scale, $"slippage {view.Slippage} gave {entry.Scale}, 10 bp more gave {layer.CurrentScale}");
                }
            }
        });

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("entries at the minimum scale", 1_000);
        coverage.AtLeast("entries scaled between the bounds", 1_000);
    }

    /// <summary>
    /// Every quantity the regime-adaptive and volatility-target sizers return is legal for its instrument — a whole
    /// number of lots, at least the minimum quantity, at least the minimum notional at the reference price — or zero
    /// with a reason; whatever the rules, price, account, regime estimate, decision and confidence, and (ATR mode) the
    /// bars observed before.
    /// </summary>
    [Fact]
    public void Sizers_RandomRulesAndMarkets_EverySizedQuantityIsLegalForItsInstrument()
    {
        var coverage = new Coverage();
        var cases =
            from lotExponent in Gen.Choose(0, 6)
            from minimumLots in Gen.Choose(0, 20)
            from minimumNotional in Gen.Elements(0m, 1m, 5m, 10m, 100m)
            from priceCents in Gen.Frequency((1, Gen.Choose(1, 1_000)), (3, Gen.Choose(1_000, 10_000_000)))
            from equity in Gen.Frequency((1, Gen.Choose(1, 100)), (3, Gen.Choose(100, 2_000_000)))
            from cashPercent in Gen.Choose(0, 150)
            from regime in Gen.Frequency((1, Gen.Constant<int[]?>(null)), (3, Gen.ArrayOf(Gen.Choose(0, 10), 4).Select(weights => weights.Sum() == 0 ? null : weights)))
            from multipliers in Gen.ArrayOf(Gen.Choose(0, 300), 4)
            from fraction in Gen.Choose(1, 500)
            from atrPeriod in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(1, 10)))
            from risk in Gen.Choose(1, 500)
            from stopMultiple in Gen.Choose(1, 500)
            from ranges in Gen.ArrayOf(Gen.Choose(0, 800), 12)
            from direction in Gen.Elements(SignalDirection.Long, SignalDirection.Short)
            from confidence in Gen.Choose(0, 100)
            select new
            {
                Rules = new InstrumentRules("BTCUSDT", "USDT", 0.01m, Pow10(-lotExponent), minimumLots * Pow10(-lotExponent), minimumNotional),
                Price = priceCents / 100m,
                Equity = (decimal)equity,
                Cash = equity * cashPercent / 100m,
                Regime = regime is null ? (RegimeEstimate?)null : new RegimeEstimate(regime[0], regime[1], regime[2], regime[3]),
                RegimeSettings = string.Create(CultureInfo.InvariantCulture,
                    $$"""{ "fraction": {{fraction / 100m}}, "highVolatilityMultiplier": {{multipliers[0] / 100m}}, "lowVolatilityMultiplier": {{multipliers[1] / 100m}}, "trendingMultiplier": {{multipliers[2] / 100m}}, "rangingMultiplier": {{multipliers[3] / 100m}} }"""),
                VolatilitySettings = string.Create(CultureInfo.InvariantCulture,
                    $$"""{ "riskFraction": {{risk / 1000m}}, "maximumFraction": {{fraction / 100m}}, "atrPeriod": {{atrPeriod}}, "stopAtrMultiple": {{stopMultiple / 100m}} }"""),
                Ranges = ranges,
                Signal = new Signal(direction, confidence / 100d, TimeSpan.Zero),
            };
        Check(Arb.From(cases), seed: 8_104, generated =>
        {
            var request = new SizingRequest("BTCUSDT", generated.Signal, generated.Price, generated.Rules) { Regime = generated.Regime };
            IPositionSizer[] sizers = [new RegimeAdaptiveSizer(), new VolatilityTargetSizer()];
            string[] settings = [generated.RegimeSettings, generated.VolatilitySettings];
            for (var index = 0; index < sizers.Length; index++)
            {
                var world = new HandSetWorld(settings[index], generated.Rules) { Equity = generated.Equity, Cash = generated.Cash };
                sizers[index].Initialize(world);
                for (var bar = 0; bar < generated.Ranges.Length; bar++)
                {
                    // Bars around the reference price with the generated ranges (in hundredths of a percent of it).
                    var half = generated.Price * generated.Ranges[bar] / 20_000m;
                    sizers[index].Observe(new Bar("BTCUSDT", BarInterval.OneMinute, Origin.AddMinutes(bar), generated.Price, generated.Price + half,
                        Math.Max(0.01m, generated.Price - half), generated.Price, 1m));
                }

                var result = sizers[index].Size(in request);
                if (result.Quantity == 0m)
                {
                    Assert.False(string.IsNullOrWhiteSpace(result.Reason));
                    coverage.Count("refusals with a reason");
                    continue;
                }

                Assert.Null(generated.Rules.Check(result.Quantity, generated.Price, priceIsOrderPrice: false));
                coverage.Count(index == 0 ? "regime-adaptive sizes" : "volatility-target sizes");
            }
        });

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("regime-adaptive sizes", 3_000);
        coverage.AtLeast("volatility-target sizes", 3_000);
        coverage.AtLeast("refusals with a reason", 1_000);
    }

    private static OrderIntent Intent(string symbol, CorrelationStep step, decimal price, decimal position, decimal equity)
    {
        if (step.IntentKind == 3 && position != 0m)
        {
            // Part of the position, closed toward flat.
            var part = Math.Max(Math.Abs(position) * Math.Min(step.QuantityPermille, 1_000) / 1_000m, 0.00000001m);
            return new OrderIntent(symbol, position > 0 ? OrderSide.Sell : OrderSide.Buy, Math.Min(part, Math.Abs(position)), price, position);
        }

        var quantity = Math.Max(Math.Round(equity * step.QuantityPermille / 1_000m / price, 8), 0.00000001m);
        return new OrderIntent(symbol, step.IntentKind == 2 ? OrderSide.Sell : OrderSide.Buy, quantity, price, position);
    }

    private static decimal Pow10(int exponent)
    {
        var value = 1m;
        for (var index = 0; index < -exponent; index++)
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
