using PluginBot.Indicators;

namespace PluginBot.Experts.VolatilityBreakout;

/// <summary>The channel and average true range of one symbol, with their values from before the latest bar.</summary>
internal sealed class SymbolBreakoutState(VolatilityBreakoutOptions options)
{
    private readonly DonchianChannels channel = new(options.ChannelPeriod);
    private readonly AverageTrueRange averageTrueRange = new(options.VolatilityPeriod);

    /// <summary>True when the previous channel and average existed before the latest bar.</summary>
    public bool HadHistory { get; private set; }

    /// <summary>The channel's upper edge over the bars before the latest one.</summary>
    public double PreviousUpper { get; private set; }

    /// <summary>The channel's lower edge over the bars before the latest one.</summary>
    public double PreviousLower { get; private set; }

    /// <summary>The average true range before the latest bar.</summary>
    public double PreviousAverageTrueRange { get; private set; }

    /// <summary>The latest bar's true range.</summary>
    public double TrueRange => averageTrueRange.CurrentTrueRange;

    public void Update(in BarSample bar)
    {
        // The channel includes its newest bar, so a breakout is judged against the channel as it stood before it.
        HadHistory = channel.IsReady && averageTrueRange.IsReady;
        PreviousUpper = channel.Upper;
        PreviousLower = channel.Lower;
        PreviousAverageTrueRange = averageTrueRange.Value;
        channel.Update(bar);
        averageTrueRange.Update(bar);
    }
}
