using PluginBot.Sdk.Configuration;

namespace PluginBot.Experts.RangeConsolidation;

/// <summary>
/// The settings of <see cref="RangeConsolidationExpert"/>, with the defaults its plugin.json declares. A record, so
/// two configurations compare by value.
/// </summary>
public sealed record RangeConsolidationOptions
{
    /// <summary>Bars in the Donchian channel that defines the range and its edges.</summary>
    public int RangePeriod { get; init; } = 20;

    /// <summary>Bars in the average true range whose fraction of the close measures volatility.</summary>
    public int VolatilityPeriod { get; init; } = 14;

    /// <summary>
    /// Bars in the simple average of that fraction which "quiet" is judged against: volatility is low relative to the
    /// market's own recent past, so one setting works across symbols and bar lengths.
    /// </summary>
    public int VolatilityHistory { get; init; } = 100;

    /// <summary>Quiet means volatility at most this multiple of its recent average (1: no higher than usual).</summary>
    public double MaximumVolatilityRatio { get; init; } = 1;

    /// <summary>The average directional index period.</summary>
    public int TrendPeriod { get; init; } = 14;

    /// <summary>The highest ADX still called a range (20: below Wilder's 25, with room for doubt).</summary>
    public double MaximumTrendStrength { get; init; } = 20;

    /// <summary>The fraction of the range's height at each edge where the expert trades (0.2: bottom and top fifth).</summary>
    public double EdgeZone { get; init; } = 0.2;

    /// <summary>How many bars the view is expected to hold; the signal's horizon is this many bar lengths.</summary>
    public int HorizonBars { get; init; } = 10;

    /// <summary>Reads and checks the settings; errors name the setting's path.</summary>
    public static RangeConsolidationOptions FromSettings(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RejectUnknown(
            "rangePeriod",
            "volatilityPeriod",
            "volatilityHistory",
            "maximumVolatilityRatio",
            "trendPeriod",
            "maximumTrendStrength",
            "edgeZone",
            "horizonBars");
        var defaults = new RangeConsolidationOptions();
        return new RangeConsolidationOptions
        {
            RangePeriod = settings.GetInt32("rangePeriod", defaults.RangePeriod, minimum: 2),
            VolatilityPeriod = settings.GetInt32("volatilityPeriod", defaults.VolatilityPeriod, minimum: 1),
            VolatilityHistory = settings.GetInt32("volatilityHistory", defaults.VolatilityHistory, minimum: 1),
            MaximumVolatilityRatio = settings.GetDouble("maximumVolatilityRatio", defaults.MaximumVolatilityRatio, minimum: 0.01, maximum: 100),
            TrendPeriod = settings.GetInt32("trendPeriod", defaults.TrendPeriod, minimum: 1),
            MaximumTrendStrength = settings.GetDouble("maximumTrendStrength", defaults.MaximumTrendStrength, minimum: 0, maximum: 100),
            EdgeZone = settings.GetDouble("edgeZone", defaults.EdgeZone, minimum: 0.01, maximum: 0.5),
            HorizonBars = settings.GetInt32("horizonBars", defaults.HorizonBars, minimum: 1),
        };
    }
}
