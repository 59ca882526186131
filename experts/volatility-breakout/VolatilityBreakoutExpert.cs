using PluginBot.Indicators;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.VolatilityBreakout;

/// <summary>
/// Trades volatility breakouts: long when the close is above the highest high of the previous
/// <see cref="VolatilityBreakoutOptions.ChannelPeriod"/> bars, short when below their lowest low, but only when the
/// breakout bar's true range is at least <see cref="VolatilityBreakoutOptions.ExpansionRatio"/> times the average
/// true range before it. A close beyond the channel on an ordinary-sized bar is usually drift to a new extreme that
/// fades; a break carried by expanding range is the one that tends to continue. Every other bar is an abstention.
/// </summary>
/// <remarks>
/// The close, not an intrabar high or low, must leave the channel, so a wick that is rejected does not count.
/// Confidence is min(1, 0.5 · expansion / ratio): one half at the confirmation threshold, full at twice it. When
/// the prior average true range is zero (a flat market) any range is an unbounded expansion and confidence is 1.
/// The horizon is <see cref="VolatilityBreakoutOptions.HorizonBars"/> bar lengths. State is kept per symbol; after
/// warm-up an evaluation allocates nothing.
/// </remarks>
public sealed class VolatilityBreakoutExpert : IExpert
{
    /// <summary>The plugin id, also the expert's name in decision records.</summary>
    public const string PluginId = "volatility-breakout";

    private SymbolStates<SymbolBreakoutState> states;

    /// <summary>Creates the expert with default options; <see cref="Initialize"/> applies the settings.</summary>
    public VolatilityBreakoutExpert()
    {
        states = CreateStates(Options);
    }

    /// <inheritdoc />
    public string Name => PluginId;

    /// <summary>The options in force.</summary>
    public VolatilityBreakoutOptions Options { get; private set; } = new();

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Options = VolatilityBreakoutOptions.FromSettings(context.Settings);
        states = CreateStates(Options);
    }

    /// <inheritdoc />
    public Signal Evaluate(in Bar bar)
    {
        var state = states.For(bar.Symbol);
        state.Update(BarSample.From(bar));
        if (!state.HadHistory)
        {
            return Signal.Hold;
        }

        var close = (double)bar.Close;
        var direction = close > state.PreviousUpper ? 1 : close < state.PreviousLower ? -1 : 0;
        if (direction == 0)
        {
            return Signal.Hold;
        }

        var expansion = state.PreviousAverageTrueRange > 0
            ? state.TrueRange / state.PreviousAverageTrueRange
            : double.PositiveInfinity;
        if (expansion < Options.ExpansionRatio)
        {
            return Signal.Hold;
        }

        var confidence = Math.Min(1, 0.5 * expansion / Options.ExpansionRatio);
        var horizon = bar.Interval.Duration * Options.HorizonBars;
        return direction > 0 ? Signal.Long(confidence, horizon) : Signal.Short(confidence, horizon);
    }

    private static SymbolStates<SymbolBreakoutState> CreateStates(VolatilityBreakoutOptions options) =>
        new(_ => new SymbolBreakoutState(options));
}
