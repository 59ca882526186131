using FsCheck;
using FsCheck.Fluent;

namespace PluginBot.Properties.Tests.Infrastructure;

/// <summary>One bar step of a correlated market: a common move and one own move per symbol (bp), and which symbols skip the bar.</summary>
internal sealed record CorrelationStep(int Common, int[] Own, int SkipMask, int IntentSymbol, int IntentKind, int QuantityPermille);

/// <summary>A correlation layer's settings, its account and a market of up to three symbols with an intent after most bars.</summary>
internal sealed record CorrelationSequence(int Window, int MinimumObservations, int ThresholdPercent, int CapPercent, long Equity, int[] Mix, long[] StartCents, CorrelationStep[] Steps)
{
    public override string ToString() =>
        $"window {Window}, minimum {MinimumObservations}, threshold {ThresholdPercent} %, cap {CapPercent} %, equity {Equity}, mix [{string.Join(", ", Mix)}], start [{string.Join(", ", StartCents)}], {Steps.Length} steps";
}

/// <summary>One step of a circuit breaker's world: the clock moves, outcomes and fills arrive, some symbols' bars arrive, an intent is judged.</summary>
internal sealed record BreakerStep(int Minutes, int ObserveMask, int Outcome, int FillLatencyMilliseconds, int IntentSymbol, bool Reducing);

/// <summary>A circuit breaker's settings and a sequence of events.</summary>
internal sealed record BreakerSequence(int MaximumLosses, int LossCooldown, int StaleBars, int StaleCooldown, int LatencyLimit, int LatencyCooldown, BreakerStep[] Steps)
{
    public string Settings =>
        $$"""{ "maximumConsecutiveLosses": {{MaximumLosses}}, "consecutiveLossCooldownMinutes": {{LossCooldown}}, "staleAfterBars": {{StaleBars}}, "staleDataCooldownMinutes": {{StaleCooldown}}, "maximumFillLatencyMilliseconds": {{LatencyLimit}}, "latencyCooldownMinutes": {{LatencyCooldown}} }""";

    public override string ToString() => $"{Settings}; steps [{string.Join(", ", Steps)}]";
}

/// <summary>Generators of the event sequences the risk-extras properties run.</summary>
internal static class ExtrasSequences
{
    public static Arbitrary<CorrelationSequence> Correlation() => Arb.From(
        from window in Gen.Choose(5, 40)
        from minimum in Gen.Choose(2, window)
        from threshold in Gen.Frequency((3, Gen.Choose(50, 90)), (1, Gen.Choose(0, 100)))
        from cap in Gen.Choose(5, 200)
        from equity in Gen.Elements(1_000L, 10_000L, 250_000L)
        from mix in Gen.ArrayOf(Gen.Frequency((2, Gen.Choose(85, 100)), (1, Gen.Choose(0, 100))), 3)
        from start in Gen.ArrayOf(Gen.Elements(150L, 10_000L, 200_000L, 6_500_000L), 3)
        from length in Gen.Choose(10, 60)
        from steps in Gen.ArrayOf(CorrelationStep(), length)
        select new CorrelationSequence(window, minimum, threshold, cap, equity, mix, start, steps));

    public static Arbitrary<BreakerSequence> Breaker() => Arb.From(
        from losses in Gen.Choose(0, 4)
        from lossCooldown in Gen.Choose(1, 60)
        from stale in Gen.Choose(0, 4)
        from staleCooldown in Gen.Choose(1, 30)
        from latency in Gen.Frequency((1, Gen.Constant(0)), (3, Gen.Choose(500, 5_000)))
        from latencyCooldown in Gen.Choose(1, 30)
        from length in Gen.Choose(5, 80)
        from steps in Gen.ArrayOf(BreakerStep(), length)
        select new BreakerSequence(losses, lossCooldown, stale, staleCooldown, latency, latencyCooldown, steps));

    private static Gen<CorrelationStep> CorrelationStep() =>
        from common in Gen.Choose(-300, 300)
        from own in Gen.ArrayOf(Gen.Choose(-300, 300), 3)
        from skip in Gen.Frequency((6, Gen.Constant(0)), (1, Gen.Choose(0, 7)))
        from symbol in Gen.Choose(0, 2)
        from kind in Gen.Frequency((1, Gen.Constant(0)), (5, Gen.Choose(1, 2)), (2, Gen.Constant(3)))
        from quantity in Gen.Choose(1, 1_500)
        select new CorrelationStep(common, own, skip, symbol, kind, quantity);

    private static Gen<BreakerStep> BreakerStep() =>
        from minutes in Gen.Frequency((8, Gen.Constant(1)), (1, Gen.Choose(0, 3)), (1, Gen.Choose(4, 90)))
        from observe in Gen.Frequency((6, Gen.Constant(3)), (2, Gen.Choose(0, 3)))
        from outcome in Gen.Frequency((6, Gen.Constant(0)), (3, Gen.Constant(1)), (1, Gen.Constant(2)))
        from latency in Gen.Frequency((6, Gen.Constant(-1)), (3, Gen.Choose(0, 9_000)))
        from symbol in Gen.Choose(0, 2)
        from reducing in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new BreakerStep(minutes, observe, outcome, latency, symbol, reducing);
}
