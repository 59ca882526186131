using PluginBot.Experts.MeanReversion;
using PluginBot.Plugins.Experts.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Signals;

namespace PluginBot.Plugins.Experts.Tests;

public sealed class MeanReversionExpertTests
{
    private const string Small = """{"bandPeriod":5,"bandDeviations":1.5,"relativeStrengthPeriod":3,"horizonBars":5}""";

    // By hand for closes 100, 101, 100, 101, 100, 101, 93 (mirrored for the short):
    // band window 100, 101, 100, 101, 93: mean 99, population variance 46/5 = 9.2, σ = √9.2;
    // lower band 99 − 1.5σ, band width 3σ, %B = (93 − 99 + 1.5σ)/(3σ) ≈ −0.1594.
    // RSI(3), Wilder: seed gains (1, 0, 1)/3 = 2/3, losses 1/3; then −1 → 4/9, 5/9; +1 → 17/27, 10/27;
    // −8 → 34/81, 236/81; RSI = 100·34/(34 + 236) = 12.5926.
    // Confidence = 0.5 + 0.25·(30 − RSI)/30 + 0.25·min(1, −2·%B).
    private static readonly double Sigma = Math.Sqrt(9.2);
    private static readonly double PercentBelow = (93 - 99 + (1.5 * Sigma)) / (3 * Sigma);
    private static readonly double StrengthIndex = 100.0 * 34 / 270;
    private static readonly double ExpectedConfidence = 0.5 + (0.25 * (30 - StrengthIndex) / 30) + (0.25 * -2 * PercentBelow);

    [Fact]
    public void Evaluate_SharpDropBelowTheBandWithOversoldRsi_FadesItLong()
    {
        var expert = TestContext.Initialized<MeanReversionExpert>(Small);
        var signals = Bars.FromCloses([100, 101, 100, 101, 100, 101, 93]).Select(bar => expert.Evaluate(bar)).ToArray();

        Assert.All(signals[..6], signal => Assert.Equal(Signal.Hold, signal));
        Assert.Equal(SignalDirection.Long, signals[6].Direction);
        Assert.Equal(ExpectedConfidence, signals[6].Confidence, 12);
        Assert.Equal(0.7247522, signals[6].Confidence, 6);
        Assert.Equal(TimeSpan.FromMinutes(5), signals[6].Horizon);
    }

    [Fact]
    public void Evaluate_SharpRiseAboveTheBandWithOverboughtRsi_FadesItShortWithTheMirroredConfidence()
    {
        var expert = TestContext.Initialized<MeanReversionExpert>(Small);
        var signals = Bars.FromCloses([100, 99, 100, 99, 100, 99, 107]).Select(bar => expert.Evaluate(bar)).ToArray();

        Assert.Equal(SignalDirection.Short, signals[6].Direction);
        Assert.Equal(ExpectedConfidence, signals[6].Confidence, 12);
    }

    [Fact]
    public void Evaluate_BandExtremeWithoutRsiExtreme_Abstains()
    {
        // Same drop, but oversold now means RSI ≤ 10: 12.59 is not, so the band alone does not trigger a fade.
        var expert = TestContext.Initialized<MeanReversionExpert>("""{"bandPeriod":5,"bandDeviations":1.5,"relativeStrengthPeriod":3,"oversoldLevel":10}""");
        var last = Bars.FromCloses([100, 101, 100, 101, 100, 101, 93]).Select(bar => expert.Evaluate(bar)).ToArray()[^1];

        Assert.Equal(Signal.Hold, last);
    }

    [Fact]
    public void Evaluate_RsiExtremeInsideTheBands_Abstains()
    {
        // A steady slide drives RSI to 0 but each close is only one step below the mean's trail: with 3σ bands the
        // close stays inside, so there is no stretch to fade.
        var expert = TestContext.Initialized<MeanReversionExpert>("""{"bandPeriod":5,"bandDeviations":3,"relativeStrengthPeriod":3}""");
        var signals = Bars.FromCloses([110, 109, 108, 107, 106, 105, 104, 103]).Select(bar => expert.Evaluate(bar)).ToArray();

        Assert.All(signals, signal => Assert.Equal(Signal.Hold, signal));
    }

    [Theory]
    [InlineData("""{"bandPeriod":1}""", "$.experts[0].settings.bandPeriod")]
    [InlineData("""{"bandDeviations":0}""", "$.experts[0].settings.bandDeviations")]
    [InlineData("""{"oversoldLevel":80}""", "$.experts[0].settings.oversoldLevel")]
    [InlineData("""{"overboughtLevel":100}""", "$.experts[0].settings.overboughtLevel")]
    [InlineData("""{"rsiPeriod":14}""", "$.experts[0].settings.rsiPeriod")]
    public void Initialize_BadSetting_ThrowsNamingTheSettingPath(string settings, string path)
    {
        var error = Assert.Throws<PluginSettingsException>(() => TestContext.Initialized<MeanReversionExpert>(settings));
        Assert.Equal(path, error.Path);
    }
}
