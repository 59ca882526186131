using PluginBot.Indicators;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.RegimeRules;

/// <summary>
/// A transparent, rule-based regime detector: volatility is ATR as a fraction of the close ranked within its own
/// rolling history, trend strength combines ADX, the efficiency ratio and the Hurst exponent (see
/// <see cref="RegimeScores"/> for the exact rules), and <see cref="RegimeHysteresis"/> keeps the most likely regime
/// from flapping. It is the baseline a learned detector has to beat, and its reasons can be read off the settings.
/// </summary>
/// <remarks>
/// State is kept per symbol. Until a symbol has <see cref="RegimeRulesOptions.WarmUpBars"/> bars the estimate is
/// uniform (no evidence is no preference). After that the reported regime follows a change in the raw estimate
/// <see cref="RegimeRulesOptions.ConfirmationBars"/> − 1 bars after the raw estimate first leads by more than the
/// margin; how soon the raw estimate moves depends on the indicators' own lag (a volatility jump shows on its first
/// bar, a trend fading takes about an efficiency or ADX period). After warm-up an update allocates nothing.
/// </remarks>
public sealed class RuleBasedRegimeDetector : IRegimeDetector
{
    private SymbolStates<SymbolRegimeState> states;

    /// <summary>Creates the detector with default options; <see cref="Initialize"/> applies the settings.</summary>
    public RuleBasedRegimeDetector()
    {
        states = CreateStates(Options);
    }

    /// <summary>The uniform estimate reported before warm-up.</summary>
    public static RegimeEstimate Uniform { get; } = new(1, 1, 1, 1);

    /// <summary>The options in force, read from the settings at <see cref="Initialize"/>.</summary>
    public RegimeRulesOptions Options { get; private set; } = new();

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        Options = RegimeRulesOptions.FromSettings(context.Settings);
        states = CreateStates(Options);
    }

    /// <inheritdoc />
    public RegimeEstimate Update(in Bar bar) =>
        states.For(bar.Symbol).Update(BarSample.From(bar)) ?? Uniform;

    /// <summary>
    /// The last estimate of <paramref name="symbol"/> before hysteresis (uniform before warm-up or for an unseen
    /// symbol), for decision records that show why a switch was or was not made.
    /// </summary>
    public RegimeEstimate UnfilteredEstimate(string symbol) => states.For(symbol).LastRaw;

    private static SymbolStates<SymbolRegimeState> CreateStates(RegimeRulesOptions options) =>
        new(_ => new SymbolRegimeState(options));
}
