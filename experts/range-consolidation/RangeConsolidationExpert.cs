using PluginBot.Indicators;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.RangeConsolidation;

/// <summary>
/// Trades a quiet range from its edges toward the middle. The market counts as a range when volatility (average true
/// range as a fraction of the close) is at most <see cref="RangeConsolidationOptions.MaximumVolatilityRatio"/> times
/// its own recent average and ADX is at most <see cref="RangeConsolidationOptions.MaximumTrendStrength"/>; the range
/// is the Donchian channel of the last <see cref="RangeConsolidationOptions.RangePeriod"/> bars. In its bottom
/// <see cref="RangeConsolidationOptions.EdgeZone"/> the expert goes long, in its top one short; everywhere else, and
/// whenever the market is not quiet, it abstains: fading edges only pays while nothing is pushing through them.
/// </summary>
/// <remarks>
/// Confidence = 0.5 + 0.5 · depth, where depth is how far into the edge zone the close sits as a fraction of the
/// zone (1 at the range's very edge): the zone's inner boundary is the least favourable entry still taken. A range of
/// zero height is no range and is an abstention. The horizon is <see cref="RangeConsolidationOptions.HorizonBars"/>
/// bar lengths. State is kept per symbol; after warm-up an evaluation allocates nothing.
/// </remarks>
public sealed class RangeConsolidationExpert : IExpert
{
    /// <summary>The plugin id, also the expert's name in decision records.</summary>
    public const string PluginId = "range-consolidation";

    private SymbolStates<SymbolRangeState> states;

    /// <summary>Creates the expert with default options; <see cref="Initialize"/> applies the settings.</summary>
    public RangeConsolidationExpert()
    {
        states = CreateStates(Options);
    }

    /// <inheritdoc />
    public string Name => PluginId;

    /// <summary>The options in force.</summary>
    public RangeConsolidationOptions Options { get; private set; } = new();

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Options = RangeConsolidationOptions.FromSettings(context.Settings);
        states = CreateStates(Options);
    }

    /// <inheritdoc />
    public Signal Evaluate(in Bar bar)
    {
        var state = states.For(bar.Symbol);
        state.Update(BarSample.From(bar));
        if (!state.IsReady
            || state.Strength.Value > Options.MaximumTrendStrength
            || state.Volatility > Options.MaximumVolatilityRatio * state.AverageVolatility.Value)
        {
            return Signal.Hold;
        }

        var height = state.Range.Upper - state.Range.Lower;
        if (height <= 0)
        {
            return Signal.Hold;
        }

        var position = ((double)bar.Close - state.Range.Lower) / height;
        var horizon = bar.Interval.Duration * Options.HorizonBars;
        if (position <= Options.EdgeZone)
        {
            return Signal.Long(Confidence((Options.EdgeZone - position) / Options.EdgeZone), horizon);
        }

        if (position >= 1 - Options.EdgeZone)
        {
            return Signal.Short(Confidence((position - (1 - Options.EdgeZone)) / Options.EdgeZone), horizon);
        }

        return Signal.Hold;
    }

    private static double Confidence(double depth) => 0.5 + (0.5 * Math.Clamp(depth, 0, 1));

    private static SymbolStates<SymbolRangeState> CreateStates(RangeConsolidationOptions options) =>
        new(_ => new SymbolRangeState(options));
}
