using PluginBot.Indicators;

namespace PluginBot.Experts.MeanReversion;

/// <summary>The bands and relative strength index of one symbol.</summary>
internal sealed class SymbolReversionState(MeanReversionOptions options)
{
    public BollingerBands Bands { get; } = new(options.BandPeriod, options.BandDeviations);

    public RelativeStrengthIndex Strength { get; } = new(options.RelativeStrengthPeriod);

    public void Update(double close)
    {
        Bands.Update(close);
        Strength.Update(close);
    }
}
