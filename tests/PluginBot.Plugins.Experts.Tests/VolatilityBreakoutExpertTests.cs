using PluginBot.Experts.VolatilityBreakout;
using PluginBot.Plugins.Experts.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Signals;

namespace PluginBot.Plugins.Experts.Tests;

public sealed class VolatilityBreakoutExpertTests
{
    // Channel(3) and ATR(3) over three identical bars 99–101 closing at 100: upper 101, lower 99, ATR 2.
    private const string Small = """{"channelPeriod":3,"volatilityPeriod":3,"expansionRatio":1.5,"horizonBars":10}""";

    [Fact]
    public void Evaluate_CloseAboveTheChannelOnAnExpandingBar_GoesLong()
    {
        // High 104, low 100 after a close of 100: true range 4, twice the ATR of 2 (≥ 1.5) and close 103.5 > 101.
        // Confidence = min(1, 0.5 · 2 / 1.5) = 2/3.
        var signals = Run(Bars.Make(3, 100, 104, 100, 103.5));

        Assert.All(signals[..3], signal => Assert.Equal(Signal.Hold, signal));
        Assert.Equal(SignalDirection.Long, signals[3].Direction);
        Assert.Equal(2.0 / 3, signals[3].Confidence, 12);
        Assert.Equal(TimeSpan.FromMinutes(10), signals[3].Horizon);
    }

    [Fact]
    public void Evaluate_CloseBelowTheChannelOnAnExpandingBar_GoesShort()
    {
        // Low 96 after a close of 100: true range 4 (expansion 2), close 96.5 < 99.
        var signal = Run(Bars.Make(3, 100, 100, 96, 96.5))[3];

        Assert.Equal(Signal.Short(2.0 / 3, TimeSpan.FromMinutes(10)), signal);
    }

    [Fact]
    public void Evaluate_StrongExpansion_CapsConfidenceAtOne()
    {
        // True range 6 is three times the ATR: 0.5 · 3 / 1.5 = 1.
        var signal = Run(Bars.Make(3, 100, 106, 100, 105))[3];

        Assert.Equal(Signal.Long(1, TimeSpan.FromMinutes(10)), signal);
    }

    [Fact]
    public void Evaluate_BreakoutWithoutExpansion_Abstains()
    {
        // Close 102.2 leaves the channel but the true range is only 2.5: 1.25 × ATR, below 1.5.
        var signal = Run(Bars.Make(3, 100.5, 102.5, 100, 102.2))[3];

        Assert.Equal(Signal.Hold, signal);
    }

    [Fact]
    public void Evaluate_ExpansionInsideTheChannel_Abstains()
    {
        // A wide bar (true range 5) whose close of 100.5 is back inside 99–101 is a rejected break, not a breakout.
        var signal = Run(Bars.Make(3, 100, 102, 97, 100.5))[3];

        Assert.Equal(Signal.Hold, signal);
    }

    [Theory]
    [InlineData("""{"channelPeriod":0}""", "$.experts[0].settings.channelPeriod")]
    [InlineData("""{"expansionRatio":"wide"}""", "$.experts[0].settings.expansionRatio")]
    [InlineData("""{"expansionRatio":0}""", "$.experts[0].settings.expansionRatio")]
    [InlineData("""{"atrPeriod":14}""", "$.experts[0].settings.atrPeriod")]
    public void Initialize_BadSetting_ThrowsNamingTheSettingPath(string settings, string path)
    {
        var error = Assert.Throws<PluginSettingsException>(() => TestContext.Initialized<VolatilityBreakoutExpert>(settings));
        Assert.Equal(path, error.Path);
    }

    private static Signal[] Run(Bar last)
    {
        var expert = TestContext.Initialized<VolatilityBreakoutExpert>(Small);
        Bar[] bars = [Bars.Make(0, 100, 101, 99, 100), Bars.Make(1, 100, 101, 99, 100), Bars.Make(2, 100, 101, 99, 100), last];
        return bars.Select(bar => expert.Evaluate(bar)).ToArray();
    }
}
