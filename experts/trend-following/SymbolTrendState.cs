using PluginBot.Indicators;

namespace PluginBot.Experts.TrendFollowing;

/// <summary>The indicators and last breakout side of one symbol.</summary>
internal sealed class SymbolTrendState(TrendFollowingOptions options)
{
    public MovingAverageConvergenceDivergence Momentum { get; } = new(options.FastPeriod, options.SlowPeriod, options.SignalPeriod);

    public DonchianChannels Channel { get; } = new(options.BreakoutPeriod);

    public AverageDirectionalIndex Strength { get; } = new(options.TrendPeriod);

    /// <summary>+1 after the last bar that touched a new channel high, −1 after a new low, 0 before either.</summary>
    public int LastBreakout { get; private set; }

    public void Update(in BarSample bar)
    {
        Momentum.Update(bar.Close);
        Channel.Update(bar);
        Strength.Update(bar);
        if (!Channel.IsReady)
        {
            return;
        }

        // The channel includes this bar, so reaching its edge means this bar made the n-bar extreme.
        var newHigh = bar.High >= Channel.Upper;
        var newLow = bar.Low <= Channel.Lower;
        if (newHigh && newLow)
        {
            // An outside bar broke both sides: the close says which one won.
            LastBreakout = bar.Close >= Channel.Middle ? 1 : -1;
        }
        else if (newHigh)
        {
            LastBreakout = 1;
        }
        else if (newLow)
        {
            LastBreakout = -1;
        }
    }
}
