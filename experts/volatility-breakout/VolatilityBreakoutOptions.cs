using PluginBot.Sdk.Configuration;

namespace PluginBot.Experts.VolatilityBreakout;

/// <summary>
/// The settings of <see cref="VolatilityBreakoutExpert"/>, with the defaults its plugin.json declares. A record, so
/// two configurations compare by value.
/// </summary>
public sealed record VolatilityBreakoutOptions
{
    /// <summary>Bars in the Donchian channel a close must leave.</summary>
    public int ChannelPeriod { get; init; } = 20;

    /// <summary>Bars in the average true range the breakout bar is compared with.</summary>
    public int VolatilityPeriod { get; init; } = 14;

    /// <summary>The breakout bar's true range must be at least this multiple of the prior average true range.</summary>
    public double ExpansionRatio { get; init; } = 1.5;

    /// <summary>How many bars the view is expected to hold; the signal's horizon is this many bar lengths.</summary>
    public int HorizonBars { get; init; } = 10;

    /// <summary>Reads and checks the settings; errors name the setting's path.</summary>
    public static VolatilityBreakoutOptions FromSettings(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RejectUnknown("channelPeriod", "volatilityPeriod", "expansionRatio", "horizonBars");
        var defaults = new VolatilityBreakoutOptions();
        return new VolatilityBreakoutOptions
        {
            ChannelPeriod = settings.GetInt32("channelPeriod", defaults.ChannelPeriod, minimum: 1),
            VolatilityPeriod = settings.GetInt32("volatilityPeriod", defaults.VolatilityPeriod, minimum: 1),
            ExpansionRatio = settings.GetDouble("expansionRatio", defaults.ExpansionRatio, minimum: 0.1, maximum: 100),
            HorizonBars = settings.GetInt32("horizonBars", defaults.HorizonBars, minimum: 1),
        };
    }
}
