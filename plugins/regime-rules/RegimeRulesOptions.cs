using PluginBot.Sdk.Configuration;

namespace PluginBot.Plugins.RegimeRules;

/// <summary>
/// The settings of <see cref="RuleBasedRegimeDetector"/>, with the defaults its plugin.json declares. A record, so a
/// host or a test can compare two configurations by value and see exactly which setting differs.
/// </summary>
public sealed record RegimeRulesOptions
{
    /// <summary>Bars in the average true range whose fraction of the close is the volatility measure.</summary>
    public int VolatilityPeriod { get; init; } = 14;

    /// <summary>
    /// How many earlier volatility values the current one is ranked against. Volatility is judged against the
    /// market's own recent past, because "high" for one symbol or bar length is calm for another.
    /// </summary>
    public int VolatilityHistory { get; init; } = 100;

    /// <summary>
    /// The fraction of the percentile scale at each end where a volatility regime gets weight (0.2: above the 80th
    /// percentile for high, below the 20th for low). A percentile is uniform by construction, so without tails half
    /// of all bars would be called high or low volatility.
    /// </summary>
    public double VolatilityTail { get; init; } = 0.2;

    /// <summary>The average directional index period.</summary>
    public int TrendPeriod { get; init; } = 14;

    /// <summary>Close-to-close changes in the efficiency ratio.</summary>
    public int EfficiencyPeriod { get; init; } = 20;

    /// <summary>Closes in the Hurst exponent window.</summary>
    public int HurstPeriod { get; init; } = 100;

    /// <summary>The largest lag in the Hurst exponent's regression.</summary>
    public int HurstMaximumLag { get; init; } = 20;

    /// <summary>How much more probable another regime must be than the reported one before it starts to count.</summary>
    public double SwitchMargin { get; init; } = 0.05;

    /// <summary>Consecutive bars another regime must lead by <see cref="SwitchMargin"/> before it is reported.</summary>
    public int ConfirmationBars { get; init; } = 3;

    /// <summary>
    /// Bars before the first real estimate: the volatility rank needs a full history of earlier values, and every
    /// trend measure must be ready. Until then the detector reports a uniform estimate.
    /// </summary>
    public int WarmUpBars => Math.Max(
        Math.Max(VolatilityPeriod + VolatilityHistory, 2 * TrendPeriod),
        Math.Max(EfficiencyPeriod + 1, HurstPeriod));

    /// <summary>
    /// Reads and checks the settings. Unknown names and out-of-range values throw a
    /// <see cref="PluginSettingsException"/> naming the setting's path.
    /// </summary>
    public static RegimeRulesOptions FromSettings(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RejectUnknown(
            "volatilityPeriod",
            "volatilityHistory",
            "volatilityTail",
            "trendPeriod",
            "efficiencyPeriod",
            "hurstPeriod",
            "hurstMaximumLag",
            "switchMargin",
            "confirmationBars");
        var defaults = new RegimeRulesOptions();
        var options = new RegimeRulesOptions
        {
            VolatilityPeriod = settings.GetInt32("volatilityPeriod", defaults.VolatilityPeriod, minimum: 1),
            VolatilityHistory = settings.GetInt32("volatilityHistory", defaults.VolatilityHistory, minimum: 2, maximum: 100_000),
            VolatilityTail = settings.GetDouble("volatilityTail", defaults.VolatilityTail, minimum: 0.01, maximum: 0.5),
            TrendPeriod = settings.GetInt32("trendPeriod", defaults.TrendPeriod, minimum: 1),
            EfficiencyPeriod = settings.GetInt32("efficiencyPeriod", defaults.EfficiencyPeriod, minimum: 2),
            HurstPeriod = settings.GetInt32("hurstPeriod", defaults.HurstPeriod, minimum: 5),
            HurstMaximumLag = settings.GetInt32("hurstMaximumLag", defaults.HurstMaximumLag, minimum: 3),
            SwitchMargin = settings.GetDouble("switchMargin", defaults.SwitchMargin, minimum: 0, maximum: 1),
            ConfirmationBars = settings.GetInt32("confirmationBars", defaults.ConfirmationBars, minimum: 1, maximum: 100_000),
        };

        // The Hurst regression needs at least two differences at its largest lag.
        if (options.HurstMaximumLag > options.HurstPeriod - 2)
        {
            throw new PluginSettingsException(
                $"{settings.Path}.hurstMaximumLag",
                $"expected a value of at most hurstPeriod − 2 ({options.HurstPeriod - 2}), found {options.HurstMaximumLag}");
        }

        return options;
    }
}
