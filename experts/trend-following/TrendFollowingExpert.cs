using PluginBot.Indicators;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.TrendFollowing;

/// <summary>
/// Follows a trend only when three independent readings agree: the moving average cross (the sign of the MACD line,
/// which is exactly the fast minus the slow exponential average), MACD momentum (the sign of the histogram, i.e. the
/// line above its own signal average) and the side of the last Donchian channel breakout. Any disagreement or a zero
/// reading is an abstention, because a trend follower's losses come from acting on half-formed trends.
/// </summary>
/// <remarks>
/// Confidence is ADX / 50 capped at 1, so Wilder's usual trend threshold of 25 gives 0.5: the readings say which
/// way, ADX says how much of the movement is directional. The horizon is <see cref="TrendFollowingOptions.HorizonBars"/>
/// bar lengths. State is kept per symbol; after warm-up an evaluation allocates nothing.
/// </remarks>
public sealed class TrendFollowingExpert : IExpert
{
    /// <summary>The plugin id, also the expert's name in decision records.</summary>
    public const string PluginId = "trend-following";

    private SymbolStates<SymbolTrendState> states;

    /// <summary>Creates the expert with default options; <see cref="Initialize"/> applies the settings.</summary>
    public TrendFollowingExpert()
    {
        states = CreateStates(Options);
    }

    /// <inheritdoc />
    public string Name => PluginId;

    /// <summary>The options in force.</summary>
    public TrendFollowingOptions Options { get; private set; } = new();

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Options = TrendFollowingOptions.FromSettings(context.Settings);
        states = CreateStates(Options);
    }

    /// <inheritdoc />
    public Signal Evaluate(in Bar bar)
    {
        var state = states.For(bar.Symbol);
        state.Update(BarSample.From(bar));
        if (!state.Momentum.IsReady || !state.Strength.IsReady || state.LastBreakout == 0)
        {
            return Signal.Hold;
        }

        var cross = Math.Sign(state.Momentum.Value);
        var momentum = Math.Sign(state.Momentum.Histogram);
        if (cross == 0 || cross != momentum || cross != state.LastBreakout)
        {
            return Signal.Hold;
        }

        var confidence = Math.Clamp(state.Strength.Value / 50, 0, 1);
        var horizon = bar.Interval.Duration * Options.HorizonBars;
        return cross > 0 ? Signal.Long(confidence, horizon) : Signal.Short(confidence, horizon);
    }

    private static SymbolStates<SymbolTrendState> CreateStates(TrendFollowingOptions options) =>
        new(_ => new SymbolTrendState(options));
}
