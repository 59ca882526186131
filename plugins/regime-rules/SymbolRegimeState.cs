using PluginBot.Indicators;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.RegimeRules;

/// <summary>The indicators, volatility history and hysteresis of one symbol.</summary>
internal sealed class SymbolRegimeState(RegimeRulesOptions options)
{
    private readonly AverageTrueRange averageTrueRange = new(options.VolatilityPeriod);
    private readonly VolatilityPercentile volatilityPercentile = new(options.VolatilityHistory);
    private readonly AverageDirectionalIndex directionalIndex = new(options.TrendPeriod);
    private readonly EfficiencyRatio efficiencyRatio = new(options.EfficiencyPeriod);
    private readonly HurstExponent hurstExponent = new(options.HurstPeriod, options.HurstMaximumLag);
    private readonly RegimeHysteresis hysteresis = new(options.SwitchMargin, options.ConfirmationBars);

    public RegimeEstimate LastRaw { get; private set; } = RuleBasedRegimeDetector.Uniform;

    /// <summary>Updates every measure and returns the filtered estimate, or null while warming up.</summary>
    public RegimeEstimate? Update(in BarSample bar)
    {
        averageTrueRange.Update(bar);
        directionalIndex.Update(bar);
        efficiencyRatio.Update(bar.Close);
        hurstExponent.Update(bar.Close);
        if (!averageTrueRange.IsReady)
        {
            return null;
        }

        // ATR as a fraction of the close, so the rank is not fooled by the price level drifting.
        var percentile = volatilityPercentile.RankThenAdd(averageTrueRange.Value / bar.Close);
        if (!volatilityPercentile.IsReady || !directionalIndex.IsReady || !efficiencyRatio.IsReady || !hurstExponent.IsReady)
        {
            return null;
        }

        // RankThenAdd ranks before adding, so the history was full for this rank only if it is full after one more.
        if (averageTrueRange.Samples < options.VolatilityPeriod + options.VolatilityHistory)
        {
            return null;
        }

        var trend = RegimeScores.TrendScore(directionalIndex.Value, efficiencyRatio.Value, options.EfficiencyPeriod, hurstExponent.Value);
        LastRaw = RegimeScores.Combine(percentile, trend, options.VolatilityTail);
        return hysteresis.Filter(LastRaw);
    }
}
