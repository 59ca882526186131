using PluginBot.Plugins.Risk.CircuitBreaker;
using PluginBot.Plugins.Risk.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using static PluginBot.Plugins.Risk.Tests.Infrastructure.RiskContext;

namespace PluginBot.Plugins.Risk.Tests;

// The clock starts at 2024-01-01 00:00 UTC. Unless a case says otherwise the defaults apply: 5 losses (240 min
// cool-down), stale after 3 bars (15 min), latency 5,000 ms (30 min). A BTC minute bar ending at the clock's time is
// observed first, so the data is fresh.
public sealed class CircuitBreakerRiskManagerTests
{
    private static readonly DateTime Start = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly ManualClock clock = new();
    private readonly FakeExecutionQuality quality = new();
    private CircuitBreakerRiskManager? current;

    [Fact]
    public void Assess_FiveLosingRoundTripsInARow_HaltsEntriesNamingTheBreakerAndTheNumbers()
    {
        var layer = Layer();
        quality.ConsecutiveLosses = 5;

        var assessment = layer.Assess(Buy(0.01m, 100m));

        Assert.Equal(RiskVerdict.Veto, assessment.Verdict);
        Assert.Equal(
            "circuit breaker halted new entries: consecutive-loss breaker tripped at 2024-01-01 00:00:00 UTC: 5 losing round trips in a row (limit 5); entries halted until 2024-01-01 04:00:00 UTC (240 min cool-down); only reductions pass",
            assessment.Reason);
        Assert.Equal(RiskState.Halted, layer.State);
    }

    [Fact]
    public void Assess_FourLosingRoundTrips_Approves()
    {
        var layer = Layer();
        quality.ConsecutiveLosses = 4;

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100m)).Verdict);
        Assert.Equal(RiskState.Active, layer.State);
    }

    [Fact]
    public void Assess_ReductionWhileHalted_Approves()
    {
        var layer = Layer();
        quality.ConsecutiveLosses = 5;

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Sell(0.01m, 100m, currentPosition: 0.02m)).Verdict);
        Assert.Equal(RiskState.Halted, layer.State);
    }

    [Fact]
    public void Assess_AfterTheLossCooldown_ReArmsAndOnlyNewLossesTripItAgain()
    {
        var layer = Layer();
        quality.ConsecutiveLosses = 5;
        layer.Assess(Buy(0.01m, 100m));

        // 4 h later the same streak of 5 no longer halts; 4 more losses (9) do not either, the 5th new one (10) does.
        MoveTo(Start.AddHours(4));
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100m)).Verdict);
        quality.ConsecutiveLosses = 9;
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100m)).Verdict);
        quality.ConsecutiveLosses = 10;
        var assessment = layer.Assess(Buy(0.01m, 100m));

        Assert.Equal(RiskVerdict.Veto, assessment.Verdict);
        Assert.Contains("consecutive-loss breaker tripped at 2024-01-01 04:00:00 UTC: 5 losing round trips in a row (limit 5)", assessment.Reason);
    }

    [Fact]
    public void Assess_WinBreaksTheStreakAfterATrip_CountsLossesFromZeroAgain()
    {
        var layer = Layer();
        quality.ConsecutiveLosses = 5;
        layer.Assess(Buy(0.01m, 100m));
        MoveTo(Start.AddHours(5));
        quality.ConsecutiveLosses = 0;
        layer.Assess(Buy(0.01m, 100m));

        quality.ConsecutiveLosses = 5;

        Assert.Equal(RiskVerdict.Veto, layer.Assess(Buy(0.01m, 100m)).Verdict);
    }

    [Fact]
    public void Assess_LastBarOlderThanThreeBarLengths_HaltsNamingTheSymbolAndItsAge()
    {
        var layer = Layer();
        MoveTo(Start.AddMinutes(4), observe: false);

        var assessment = layer.Assess(Buy(0.01m, 100m));

        Assert.Equal(RiskVerdict.Veto, assessment.Verdict);
        Assert.Contains(
            "stale-data breaker tripped at 2024-01-01 00:04:00 UTC: the last BTCUSDT bar ended at 2024-01-01 00:00:00 UTC, 4 min ago = 4 bars of 1 min (limit 3 bars); entries halted until 2024-01-01 00:19:00 UTC (15 min cool-down)",
            assessment.Reason);
    }

    [Fact]
    public void Assess_LastBarExactlyThreeBarLengthsOld_Approves()
    {
        var layer = Layer();
        MoveTo(Start.AddMinutes(3), observe: false);

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100m)).Verdict);
    }

    [Fact]
    public void Observe_OneSymbolsFeedStops_HaltsEntriesInTheOthersUntilTheCooldownAfterItResumes()
    {
        // ETH's last bar ends at 00:00; BTC keeps coming. At 00:04 ETH is 4 bars old: halted, and every BTC bar while
        // ETH stays stale restarts the cool-down. ETH resumes at 00:10 (the BTC bar first, so the last trip is at
        // 00:10): halted until 00:25, open from then.
        var layer = Layer();
        layer.Observe(MinuteBarEndingAt(Start, OtherSymbol));
        for (var minute = 1; minute <= 10; minute++)
        {
            MoveTo(Start.AddMinutes(minute));
        }

        layer.Observe(MinuteBarEndingAt(Start.AddMinutes(10), OtherSymbol));
        Assert.Contains("the last ETHUSDT bar ended at 2024-01-01 00:00:00 UTC, 10 min ago", layer.Assess(Buy(0.01m, 100m)).Reason);

        for (var minute = 11; minute <= 24; minute++)
        {
            MoveTo(Start.AddMinutes(minute));
            layer.Observe(MinuteBarEndingAt(Start.AddMinutes(minute), OtherSymbol));
            Assert.Equal(RiskVerdict.Veto, layer.Assess(Buy(0.01m, 100m)).Verdict);
        }

        MoveTo(Start.AddMinutes(25));
        layer.Observe(MinuteBarEndingAt(Start.AddMinutes(25), OtherSymbol));
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100m)).Verdict);
        Assert.Equal(RiskState.Active, layer.State);
    }

    [Fact]
    public void Assess_SymbolNeverObserved_VetoesBecauseNothingSaysItsDataIsFresh()
    {
        var layer = Layer();

        var assessment = layer.Assess(Buy(1m, 1_000m, symbol: OtherSymbol));

        Assert.Equal(RiskVerdict.Veto, assessment.Verdict);
        Assert.Contains("no bar of ETHUSDT has been seen", assessment.Reason);
        Assert.Equal(RiskState.Active, layer.State);
    }

    [Fact]
    public void Assess_SlowFill_HaltsForTheCooldownAndTheSameFillDoesNotTripItAgain()
    {
        var layer = Layer();
        quality.FillCount = 1;
        quality.LastFillLatency = TimeSpan.FromMilliseconds(8_250);

        var assessment = layer.Assess(Buy(0.01m, 100m));

        Assert.Contains("latency breaker tripped at 2024-01-01 00:00:00 UTC: the last fill took 8250 ms from sending (limit 5000 ms); entries halted until 2024-01-01 00:30:00 UTC (30 min cool-down)", assessment.Reason);
        MoveTo(Start.AddMinutes(29));
        Assert.Equal(RiskVerdict.Veto, layer.Assess(Buy(0.01m, 100m)).Verdict);
        MoveTo(Start.AddMinutes(30));
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100m)).Verdict);

        // A second slow fill trips it again.
        quality.FillCount = 2;
        Assert.Equal(RiskVerdict.Veto, layer.Assess(Buy(0.01m, 100m)).Verdict);
    }

    [Fact]
    public void Assess_FastFill_Approves()
    {
        var layer = Layer();
        quality.FillCount = 3;
        quality.LastFillLatency = TimeSpan.FromMilliseconds(5_000);

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100m)).Verdict);
    }

    [Fact]
    public void Assess_TwoBreakersTripped_NamesBothInTheVeto()
    {
        var layer = Layer();
        quality.ConsecutiveLosses = 6;
        quality.FillCount = 1;
        quality.LastFillLatency = TimeSpan.FromSeconds(10);

        var assessment = layer.Assess(Buy(0.01m, 100m));

        Assert.Contains("consecutive-loss breaker tripped", assessment.Reason);
        Assert.Contains("; latency breaker tripped", assessment.Reason);
        Assert.Equal(2, layer.ActiveTrips.Count);
    }

    [Fact]
    public void Assess_BreakersSwitchedOff_NeverHalt()
    {
        var layer = Layer("""{ "maximumConsecutiveLosses": 0, "staleAfterBars": 0, "maximumFillLatencyMilliseconds": 0 }""");
        quality.ConsecutiveLosses = 50;
        quality.FillCount = 1;
        quality.LastFillLatency = TimeSpan.FromHours(1);
        clock.UtcNow = Start.AddDays(1);

        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(1m, 1_000m, symbol: OtherSymbol)).Verdict);
    }

    [Fact]
    public void Initialize_LossesBeforeTheLayerExisted_DoNotCountTowardsTheLimit()
    {
        // A swapped-in layer starts next to a streak of 4 its predecessor already judged: only later losses count, so 4 more (8) do not trip it and a 5th (9) does.
        quality.ConsecutiveLosses = 4;
        var layer = Layer();

        quality.ConsecutiveLosses = 8;
        Assert.Equal(RiskVerdict.Approve, layer.Assess(Buy(0.01m, 100m)).Verdict);
        quality.ConsecutiveLosses = 9;
        Assert.Equal(RiskVerdict.Veto, layer.Assess(Buy(0.01m, 100m)).Verdict);
    }

    [Theory]
    [InlineData("""{ "maximumConsecutiveLosses": -1 }""", "$.risk[0].settings.maximumConsecutiveLosses", "expected a value from 0 to 1000, found -1")]
    [InlineData("""{ "staleDataCooldownMinutes": 0 }""", "$.risk[0].settings.staleDataCooldownMinutes", "expected a value from 1 to 525600, found 0")]
    [InlineData("""{ "maximumFillLatencyMilliseconds": 1.5 }""", "$.risk[0].settings.maximumFillLatencyMilliseconds", "expected an integer")]
    [InlineData("""{ "cooldown": 5 }""", "$.risk[0].settings.cooldown", "unknown setting")]
    public void Initialize_BadSettings_ThrowsNamingTheSettingPath(string settings, string path, string problem)
    {
        var exception = Assert.Throws<PluginSettingsException>(() => Layer(settings));

        Assert.Equal(path, exception.Path);
        Assert.Contains(problem, exception.Message);
    }

    private CircuitBreakerRiskManager Layer(string settings = "{}")
    {
        clock.UtcNow = Start;
        var layer = new CircuitBreakerRiskManager();
        layer.Initialize(new ExecutionQualityContext(Create(new FakePortfolio(), settings, clock), quality));
        layer.Observe(MinuteBarEndingAt(Start, Symbol));
        current = layer;
        return layer;
    }

    /// <summary>Moves the clock; by default the BTC bar ending then is observed, as the engine would.</summary>
    private void MoveTo(DateTime time, bool observe = true)
    {
        clock.UtcNow = time;
        if (observe)
        {
            current!.Observe(MinuteBarEndingAt(time, Symbol));
        }
    }

    private static Bar MinuteBarEndingAt(DateTime end, string symbol) =>
        new(symbol, BarInterval.OneMinute, end.AddMinutes(-1), 100m, 100m, 100m, 100m, 1m);
}
