using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Experts.MeanReversion;

/// <summary>
/// Fades stretched prices: long when the close is at or below the lower Bollinger band (%B ≤ 0) and RSI is at or
/// below the oversold level, short when it is at or above the upper band (%B ≥ 1) and RSI at or above the overbought
/// level. Both must agree — the band says the price is far from its mean, RSI that the move was one-sided — and in
/// between the expert abstains, since the middle of the range carries no reversion edge.
/// </summary>
/// <remarks>
/// Confidence = 0.5 + 0.25·RSI depth + 0.25·band depth. Both extremes together are the signal, so it starts at one
/// half at the thresholds. RSI depth is how far RSI is past its level as a fraction of the room left (for a long,
/// (oversold − RSI) / oversold: 1 at RSI 0). Band depth is how far the close is past the band in units of the band's
/// distance from the middle (k·σ), capped at 1: −2·%B for a long, 2·(%B − 1) for a short. The horizon is
/// <see cref="MeanReversionOptions.HorizonBars"/> bar lengths. State is kept per symbol; after warm-up an evaluation
/// allocates nothing.
/// </remarks>
public sealed class MeanReversionExpert : IExpert
{
    /// <summary>The plugin id, also the expert's name in decision records.</summary>
    public const string PluginId = "mean-reversion";

    private SymbolStates<SymbolReversionState> states;

    /// <summary>Creates the expert with default options; <see cref="Initialize"/> applies the settings.</summary>
    public MeanReversionExpert()
    {
        states = CreateStates(Options);
    }

    /// <inheritdoc />
    public string Name => PluginId;

    /// <summary>The options in force.</summary>
    public MeanReversionOptions Options { get; private set; } = new();

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Options = MeanReversionOptions.FromSettings(context.Settings);
        states = CreateStates(Options);
    }

    /// <inheritdoc />
    public Signal Evaluate(in Bar bar)
    {
        var state = states.For(bar.Symbol);
        state.Update((double)bar.Close);
        if (!state.Bands.IsReady || !state.Strength.IsReady)
        {
            return Signal.Hold;
        }

        var percentB = state.Bands.PercentB;
        var strength = state.Strength.Value;
        var horizon = bar.Interval.Duration * Options.HorizonBars;
        if (percentB <= 0 && strength <= Options.OversoldLevel)
        {
            var strengthDepth = (Options.OversoldLevel - strength) / Options.OversoldLevel;
            return Signal.Long(Confidence(strengthDepth, -2 * percentB), horizon);
        }

        if (percentB >= 1 && strength >= Options.OverboughtLevel)
        {
            var strengthDepth = (strength - Options.OverboughtLevel) / (100 - Options.OverboughtLevel);
            return Signal.Short(Confidence(strengthDepth, 2 * (percentB - 1)), horizon);
        }

        return Signal.Hold;
    }

    private static double Confidence(double strengthDepth, double bandDepth) =>
        0.5 + (0.25 * Math.Clamp(strengthDepth, 0, 1)) + (0.25 * Math.Clamp(bandDepth, 0, 1));

    private static SymbolStates<SymbolReversionState> CreateStates(MeanReversionOptions options) =>
        new(_ => new SymbolReversionState(options));
}
