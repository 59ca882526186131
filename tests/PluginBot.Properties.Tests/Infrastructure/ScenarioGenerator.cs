using FsCheck;
using FsCheck.Fluent;
using PluginBot.Sdk.Signals;

namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>
/// FsCheck generators of scenarios, with a shrinker that makes a failing scenario smaller (fewer bars, one symbol,
/// fewer layers, a shorter script) so the reported counterexample is one a person can replay by hand.
/// </summary>
internal static class ScenarioGenerator
{
    /// <summary>Scenarios that always contain <paramref name="required"/>; every other layer is present at random.</summary>
    public static Arbitrary<Scenario> Scenarios(RequiredLayer required) => Arb.From(Generate(required), scenario => Shrink(scenario, required));

    private static Gen<Scenario> Generate(RequiredLayer required) =>
        from bars in Gen.Choose(20, 60)
        from symbolCount in Gen.Frequency((2, Gen.Constant(1)), (3, Gen.Constant(2)))
        from paths in Gen.ArrayOf(Path(bars), symbolCount)
        from script in Gen.Choose(1, 12).SelectMany(length => Gen.ArrayOf(Signal(), length))
        from sizer in Sizer()
        from layers in Layers(required)
        from account in Gen.Frequency(
            (1, Gen.Constant((AllowShort: false, Leverage: 1m))),
            (1, Gen.Choose(100, 500).Select(percent => (AllowShort: true, Leverage: percent / 100m))))
        from costs in Costs()
        from cash in Gen.Frequency(
            (1, Gen.Elements(100m, 1_000m, 10_000m, 250_000m)),
            (1, Gen.Choose(20, 100_000).Select(amount => (decimal)amount)))
        from startHour in Gen.Choose(0, 23)
        select new Scenario
        {
            StartHour = startHour,
            Paths = paths.Select((path, index) => path with { Symbol = index == 0 ? "BTCUSDT" : "ETHUSDT" }).ToArray(),
            Script = script,
            Sizer = sizer,
            PositionLimit = layers.PositionLimit,
            GrossLeverage = layers.GrossLeverage,
            DailyLoss = layers.DailyLoss,
            Drawdown = layers.Drawdown,
            KillSwitchEngaged = layers.KillSwitch,
            LayerRotation = layers.Rotation,
            AllowShort = account.AllowShort,
            AccountLeverage = account.Leverage,
            MakerBasisPoints = costs.Maker,
            TakerBasisPoints = costs.Taker,
            SlippageBasisPoints = costs.Slippage,
            VolumeImpactPercent = costs.Impact,
            InitialCash = cash,
        };

    private static Gen<MarketPath> Path(int bars) =>
        from start in Gen.Frequency(
            (1, Gen.Elements(150L, 2_000L, 250_000L, 6_500_000L)),
            (2, Gen.Choose(100, 5_000_000).Select(cents => (long)cents)))
        from drift in Gen.Choose(-40, 40)
        from steps in Gen.ArrayOf(Step(drift), bars)
        select new MarketPath("BTCUSDT", start, steps);

    // Mostly ordinary bars around a drift, one in eight a gap: the open lands up to 30 % away from the last close.
    private static Gen<PriceStep> Step(int drift) =>
        from open in Gen.Frequency((7, Gen.Choose(-15, 15)), (1, Gen.Choose(-3_000, 3_000)))
        from close in Gen.Choose(-300 + drift, 300 + drift)
        from high in Gen.Choose(0, 150)
        from low in Gen.Choose(0, 150)
        from volume in Gen.Frequency((1, Gen.Constant(0)), (9, Gen.Choose(1, 50_000_000)))
        select new PriceStep(open, close, high, low, volume);

    private static Gen<ScriptedSignal> Signal() =>
        from direction in Gen.Frequency(
            (3, Gen.Constant(SignalDirection.Long)),
            (2, Gen.Constant(SignalDirection.Short)),
            (2, Gen.Constant(SignalDirection.Flat)),
            (2, Gen.Constant(SignalDirection.Hold)))
        from confidence in Gen.Choose(0, 100)
        select new ScriptedSignal(direction, confidence);

    private static Gen<PluginChoice> Sizer() => Gen.OneOf(
        Gen.Choose(5, 500).Select(fraction => new PluginChoice("fixed-fraction", $$"""{ "fraction": {{fraction / 100m}} }""")),
        from fraction in Gen.Choose(10, 400)
        from minimum in Gen.Choose(0, 50)
        select new PluginChoice("confidence-weighted", $$"""{ "fraction": {{fraction / 100m}}, "minimumConfidence": {{minimum / 100m}} }"""),
        from winRate in Gen.Choose(30, 90)
        from payoff in Gen.Choose(50, 400)
        from fraction in Gen.Choose(10, 100)
        from maximum in Gen.Choose(5, 100)
        from window in Gen.Choose(2, 20)
        from minimumTrades in Gen.Choose(1, window)
        select new PluginChoice("kelly",
            $$"""{ "winRate": {{winRate / 100m}}, "payoffRatio": {{payoff / 100m}}, "fraction": {{fraction / 100m}}, "maximumFraction": {{maximum / 100m}}, "window": {{window}}, "minimumTrades": {{minimumTrades}} }"""),
        from risk in Gen.Choose(1, 50)
        from stop in Gen.Choose(5, 100)
        from maximum in Gen.Choose(10, 500)
        select new PluginChoice("volatility-target", $$"""{ "riskFraction": {{risk / 1000m}}, "stopDistanceFraction": {{stop / 1000m}}, "maximumFraction": {{maximum / 100m}} }"""));

    private static Gen<(decimal? PositionLimit, decimal? GrossLeverage, decimal? DailyLoss, DrawdownChoice? Drawdown, bool? KillSwitch, int Rotation)> Layers(RequiredLayer required) =>
        from positionLimit in Maybe(required == RequiredLayer.PositionLimit, Gen.Choose(5, 300).Select(percent => percent / 100m))
        from grossLeverage in Maybe(required == RequiredLayer.GrossLeverage, Gen.Choose(10, 400).Select(percent => percent / 100m))
        from dailyLoss in Maybe(required == RequiredLayer.DailyLoss, Gen.Choose(5, 300).Select(basisPoints => basisPoints / 10_000m))
        from drawdown in Maybe(required == RequiredLayer.Drawdown, Drawdown())
        from killSwitch in required == RequiredLayer.KillSwitchEngaged
            ? Gen.Constant<bool?>(true)
            : Gen.Frequency((4, Gen.Constant<bool?>(null)), (1, Gen.Elements<bool?>(true, false)))
        from rotation in Gen.Choose(0, 4)
        select (positionLimit, grossLeverage, dailyLoss, drawdown, killSwitch, rotation);

    // Ladders are legal by construction: strictly increasing drawdowns below the maximum, non-increasing scales.
    private static Gen<DrawdownChoice?> Drawdown() =>
        from maximum in Gen.Choose(50, 2_500)
        from count in Gen.Choose(0, 2)
        from first in Gen.Choose(1, (maximum / 2) - 1)
        from second in Gen.Choose((maximum / 2) + 1, maximum - 1)
        from firstScale in Gen.Choose(30, 100)
        from secondScale in Gen.Choose(10, firstScale)
        select (DrawdownChoice?)new DrawdownChoice(maximum, new[] { (first, firstScale), (second, secondScale) }.Take(count).ToArray());

    private static Gen<(int Maker, int Taker, int? Slippage, int Impact)> Costs() =>
        from maker in Gen.Choose(0, 20)
        from taker in Gen.Choose(0, 30)
        from slippage in Gen.Frequency((3, Gen.Choose(0, 50).Select(basisPoints => (int?)basisPoints)), (1, Gen.Constant<int?>(null)))
        from impact in Gen.Choose(0, 50)
        select (maker, taker, slippage, impact);

    private static Gen<decimal?> Maybe(bool always, Gen<decimal> value) => Maybe(always, value.Select(present => (decimal?)present));

    // Present in three runs of five unless the property needs it in all of them; T is a nullable type, default is absent.
    private static Gen<T> Maybe<T>(bool always, Gen<T> value) =>
        always ? value : Gen.Frequency((2, Gen.Constant(default(T)!)), (3, value));

    private static IEnumerable<Scenario> Shrink(Scenario scenario, RequiredLayer required)
    {
        var length = scenario.Paths[0].Steps.Length;
        if (length > 2)
        {
            yield return WithBars(scenario, length / 2);
            yield return WithBars(scenario, length - 1);
        }

        if (scenario.Paths.Length > 1)
        {
            yield return scenario with { Paths = [scenario.Paths[0]] };
            yield return scenario with { Paths = [scenario.Paths[1] with { Symbol = "BTCUSDT" }] };
        }

        if (scenario.KillSwitchEngaged is not null && required != RequiredLayer.KillSwitchEngaged)
        {
            yield return scenario with { KillSwitchEngaged = null };
        }

        if (scenario.PositionLimit is not null && required != RequiredLayer.PositionLimit)
        {
            yield return scenario with { PositionLimit = null };
        }

        if (scenario.GrossLeverage is not null && required != RequiredLayer.GrossLeverage)
        {
            yield return scenario with { GrossLeverage = null };
        }

        if (scenario.DailyLoss is not null && required != RequiredLayer.DailyLoss)
        {
            yield return scenario with { DailyLoss = null };
        }

        if (scenario.Drawdown is not null && required != RequiredLayer.Drawdown)
        {
            yield return scenario with { Drawdown = null };
        }

        if (scenario.Script.Length > 1)
        {
            yield return scenario with { Script = scenario.Script[..^1] };
        }
    }

    private static Scenario WithBars(Scenario scenario, int count) =>
        scenario with { Paths = scenario.Paths.Select(path => path with { Steps = path.Steps[..count] }).ToArray() };
}
