using PluginBot.Sdk.Configuration;

namespace PluginBot.Experts.MeanReversion;

/// <summary>
/// The settings of <see cref="MeanReversionExpert"/>, with the defaults its plugin.json declares. A record, so two
/// configurations compare by value.
/// </summary>
public sealed record MeanReversionOptions
{
    /// <summary>Closes in the Bollinger band window.</summary>
    public int BandPeriod { get; init; } = 20;

    /// <summary>The band half-width in standard deviations.</summary>
    public double BandDeviations { get; init; } = 2;

    /// <summary>Close-to-close changes in the relative strength index.</summary>
    public int RelativeStrengthPeriod { get; init; } = 14;

    /// <summary>RSI at or below this is oversold (a long fade is allowed).</summary>
    public double OversoldLevel { get; init; } = 30;

    /// <summary>RSI at or above this is overbought (a short fade is allowed).</summary>
    public double OverboughtLevel { get; init; } = 70;

    /// <summary>How many bars the view is expected to hold; the signal's horizon is this many bar lengths.</summary>
    public int HorizonBars { get; init; } = 5;

    /// <summary>Reads and checks the settings; errors name the setting's path.</summary>
    public static MeanReversionOptions FromSettings(PluginSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.RejectUnknown("bandPeriod", "bandDeviations", "relativeStrengthPeriod", "oversoldLevel", "overboughtLevel", "horizonBars");
        var defaults = new MeanReversionOptions();
        var options = new MeanReversionOptions
        {
            BandPeriod = settings.GetInt32("bandPeriod", defaults.BandPeriod, minimum: 2),
            BandDeviations = settings.GetDouble("bandDeviations", defaults.BandDeviations, minimum: 0.1, maximum: 10),
            RelativeStrengthPeriod = settings.GetInt32("relativeStrengthPeriod", defaults.RelativeStrengthPeriod, minimum: 1),
            OversoldLevel = settings.GetDouble("oversoldLevel", defaults.OversoldLevel, minimum: 1, maximum: 99),
            OverboughtLevel = settings.GetDouble("overboughtLevel", defaults.OverboughtLevel, minimum: 1, maximum: 99),
            HorizonBars = settings.GetInt32("horizonBars", defaults.HorizonBars, minimum: 1),
        };
        if (options.OversoldLevel >= options.OverboughtLevel)
        {
            throw new PluginSettingsException(
                $"{settings.Path}.oversoldLevel",
                $"expected a value below overboughtLevel ({options.OverboughtLevel}), found {options.OversoldLevel}");
        }

        return options;
    }
}
