using PluginBot.Sdk.Configuration;

namespace PluginBot.Experts.TrendFollowing;

/// <summary>
/// The settings of <see cref="TrendFollowingExpert"/>, with the defaults its plugin.json declares. A record, so two
/// configurations compare by value.
/// </summary>
public sealed record TrendFollowingOptions
{
    /// <summary>The fast exponential moving average period (the classic MACD 12).</summary>
    public int FastPeriod { get; init; } = 12;

    /// <summary>The slow exponential moving average period (26); must exceed <see cref="FastPeriod"/>.</summary>
    public int SlowPeriod { get; init; } = 26;

    /// <summary>The MACD signal line period (9).</summary>
    public int SignalPeriod { get; init; } = 9;

    /// <summary>Bars in the Donchian channel whose last broken side gives the breakout vote.</summary>
    public int BreakoutPeriod { get; init; } = 20;

    /// <summary>The average directional index period; ADX sets the confidence.</summary>
    public int TrendPeriod { get; init; } = 14;

    /// <summary>How many bars the view is expected to hold; the signal's horizon is this many bar lengths.</summary>
    public int HorizonBars { get; init; } = 20;

    /// <summary>Reads and checks the settings; errors name the setting's path.</summary>
    public static TrendFollowingOptions FromSettings(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RejectUnknown("fastPeriod", "slowPeriod", "signalPeriod", "breakoutPeriod", "trendPeriod", "horizonBars");
        var defaults = new TrendFollowingOptions();
        var options = new TrendFollowingOptions
        {
            FastPeriod = settings.GetInt32("fastPeriod", defaults.FastPeriod, minimum: 1),
            SlowPeriod = settings.GetInt32("slowPeriod", defaults.SlowPeriod, minimum: 2),
            SignalPeriod = settings.GetInt32("signalPeriod", defaults.SignalPeriod, minimum: 1),
            BreakoutPeriod = settings.GetInt32("breakoutPeriod", defaults.BreakoutPeriod, minimum: 1),
            TrendPeriod = settings.GetInt32("trendPeriod", defaults.TrendPeriod, minimum: 1),
            HorizonBars = settings.GetInt32("horizonBars", defaults.HorizonBars, minimum: 1),
        };
        if (options.FastPeriod >= options.SlowPeriod)
        {
            throw new PluginSettingsException(
                $"{settings.Path}.fastPeriod",
                $"expected a value below slowPeriod ({options.SlowPeriod}), found {options.FastPeriod}");
        }

        return options;
    }
}
