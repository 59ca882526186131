using System.Globalization;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.Drawdown;

/// <summary>
/// Shrinks new risk as equity falls from its peak, and stops new risk entirely at a hard maximum drawdown.
/// The peak is the highest equity seen at initialisation, on every observed bar and on every assessment.
/// Below the peak, a non-reducing intent is scaled by the scale of the deepest level reached (by default 5/10/15 %
/// drawdown → 80/60/40 % of normal size), so a strategy in a losing phase bets less instead of trying to win it back.
/// At or beyond <c>maximumDrawdown</c> (default 20 %) the layer turns <see cref="RiskState.Reducing"/>: every
/// non-reducing intent is vetoed, reductions pass.
/// Recovery rule: reduce-only lasts until equity regains peak × (1 − maximumDrawdown ÷ 2) (with the defaults, until
/// the drawdown is back to 10 %), so the account must win back half the allowed drawdown before it may add risk again;
/// re-opening at the first tick above the limit would let a strategy oscillate in and out of the limit. The peak is
/// not reset on recovery, so the scaling levels still apply afterwards.
/// Layers compose by the engine's rule: every layer assesses every intent, any veto stops it and scales multiply.
/// </summary>
public sealed class DrawdownRiskManager : IRiskManager
{
    private IPluginContext? context;
    private bool reduceOnly;

    /// <inheritdoc />
    public string Name => "risk-drawdown";

    /// <summary>The scaling ladder by increasing drawdown, read from the settings.</summary>
    public IReadOnlyList<DrawdownLevel> Levels { get; private set; } = DrawdownSettings.DefaultLevels;

    /// <summary>The drawdown at which only reductions pass, read from the settings.</summary>
    public decimal MaximumDrawdown { get; private set; } = DrawdownSettings.DefaultMaximumDrawdown;

    /// <summary>The highest equity seen so far: the base every drawdown is measured from.</summary>
    public decimal PeakEquity { get; private set; }

    /// <summary>The drawdown from <see cref="PeakEquity"/> at the last update, as a fraction.</summary>
    public decimal CurrentDrawdown { get; private set; }

    /// <inheritdoc />
    public RiskState State => reduceOnly ? RiskState.Reducing : RiskState.Active;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        (Levels, MaximumDrawdown) = DrawdownSettings.Read(context.Settings);
        this.context = context;
        Update();
    }

    /// <inheritdoc />
    public void Observe(in Bar bar) => Update();

    /// <inheritdoc />
    public RiskAssessment Assess(in OrderIntent intent)
    {
        Update();
        if (intent.IsReducing)
        {
            return RiskAssessment.Approve();
        }

        if (reduceOnly)
        {
            return RiskAssessment.Veto(string.Create(CultureInfo.InvariantCulture,
                $"drawdown {Percent(CurrentDrawdown)} from the peak equity {PeakEquity:0.00} is at or beyond the maximum drawdown of {Percent(MaximumDrawdown)}; reduce-only until equity regains {RecoveryEquity:0.00}"));
        }

        var level = DeepestLevelReached();
        if (level is not { } reached || reached.Scale >= 1m)
        {
            return RiskAssessment.Approve();
        }

        return RiskAssessment.ScaleBy(reached.Scale, string.Create(CultureInfo.InvariantCulture,
            $"drawdown {Percent(CurrentDrawdown)} from the peak equity {PeakEquity:0.00} reached the {Percent(reached.Drawdown)} level; new risk scaled by {reached.Scale:0.####}"));
    }

    // Not rounded to two places: a drawdown of 0.4996 % shown as "0.50 %" would look like the limit was already reached.
    private static string Percent(decimal fraction) => string.Create(CultureInfo.InvariantCulture, $"{fraction * 100m:0.####} %");

    private decimal RecoveryEquity => PeakEquity * (1m - (MaximumDrawdown / 2m));

    private DrawdownLevel? DeepestLevelReached()
    {
        DrawdownLevel? reached = null;
        foreach (var level in Levels)
        {
            if (CurrentDrawdown >= level.Drawdown)
            {
                reached = level;
            }
        }

        return reached;
    }

    private void Update()
    {
        var equity = (context ?? throw new InvalidOperationException("The drawdown layer was not initialised.")).Portfolio.Equity;
        if (equity > PeakEquity)
        {
            PeakEquity = equity;
        }

        // With no positive equity ever seen there is nothing to lose from: treat it as a total drawdown.
        CurrentDrawdown = PeakEquity <= 0 ? 1m : (PeakEquity - equity) / PeakEquity;
        if (!reduceOnly && CurrentDrawdown >= MaximumDrawdown)
        {
            reduceOnly = true;
        }
        else if (reduceOnly && equity >= RecoveryEquity && PeakEquity > 0)
        {
            reduceOnly = false;
        }
    }
}
