using System.Globalization;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Plugins.RegimeAdaptiveSizer;

/// <summary>
/// Takes less risk in the regimes where a strategy is known to do badly: the target is <c>fraction</c> × equity
/// times the regime multiplier, where the multiplier is the probability-weighted mean of one multiplier per regime
/// (defaults: high volatility 0.5, low volatility 1, trending 1, ranging 0.75), so a detector that is unsure between
/// two regimes gets a size between theirs instead of flipping between them. With no regime estimate in the request
/// (the composition has no detector) the neutral multiplier 1 applies, the sizer becomes a plain fixed-fraction
/// sizer, and it says so: in the reason of every refusal, in <see cref="LastBasis"/> and once in the log. The last
/// step (cash cap, lot rounding, exchange minimums) is <see cref="EquityFractionSizing"/>, shared by every sizer.
/// </summary>
public sealed class RegimeAdaptiveSizer : IPositionSizer
{
    /// <summary>The multiplier used without a regime estimate: size as if the regime did not matter.</summary>
    public const decimal NeutralMultiplier = 1m;

    private IPluginContext? context;
    private bool warnedAboutMissingRegime;

    /// <summary>The fraction of equity before the regime multiplier, read from the settings.</summary>
    public decimal Fraction { get; private set; } = 0.95m;

    /// <summary>The multiplier for the high-volatility regime, read from the settings.</summary>
    public decimal HighVolatilityMultiplier { get; private set; } = 0.5m;

    /// <summary>The multiplier for the low-volatility regime, read from the settings.</summary>
    public decimal LowVolatilityMultiplier { get; private set; } = 1m;

    /// <summary>The multiplier for the trending regime, read from the settings.</summary>
    public decimal TrendingMultiplier { get; private set; } = 1m;

    /// <summary>The multiplier for the ranging regime, read from the settings.</summary>
    public decimal RangingMultiplier { get; private set; } = 0.75m;

    /// <summary>
    /// How the latest size was reached (fraction, regime weights, multiplier): a positive size carries no reason in
    /// the decision record, so this is where a dashboard or test reads why an entry had the size it had.
    /// </summary>
    public string? LastBasis { get; private set; }

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        settings.RejectUnknown("fraction", "highVolatilityMultiplier", "lowVolatilityMultiplier", "trendingMultiplier", "rangingMultiplier");
        Fraction = settings.GetDecimal("fraction", 0.95m, minimum: 0.0001m, maximum: 10m);
        HighVolatilityMultiplier = settings.GetDecimal("highVolatilityMultiplier", 0.5m, minimum: 0m, maximum: 10m);
        LowVolatilityMultiplier = settings.GetDecimal("lowVolatilityMultiplier", 1m, minimum: 0m, maximum: 10m);
        TrendingMultiplier = settings.GetDecimal("trendingMultiplier", 1m, minimum: 0m, maximum: 10m);
        RangingMultiplier = settings.GetDecimal("rangingMultiplier", 0.75m, minimum: 0m, maximum: 10m);
        warnedAboutMissingRegime = false;
        this.context = context;
    }

    /// <summary>
    /// The probability-weighted multiplier for <paramref name="regime"/>, rounded to 6 places so the same
    /// probabilities always give the same size; <see cref="NeutralMultiplier"/> without an estimate.
    /// </summary>
    public decimal MultiplierFor(RegimeEstimate? regime) => regime is not { } estimate
        ? NeutralMultiplier
        : Math.Round(
            ((decimal)estimate.HighVolatility * HighVolatilityMultiplier)
            + ((decimal)estimate.LowVolatility * LowVolatilityMultiplier)
            + ((decimal)estimate.Trending * TrendingMultiplier)
            + ((decimal)estimate.Ranging * RangingMultiplier),
            6,
            MidpointRounding.ToZero);

    /// <inheritdoc />
    public SizingResult Size(in SizingRequest request)
    {
        var current = context ?? throw new InvalidOperationException("The sizer was not initialised.");
        var multiplier = MultiplierFor(request.Regime);
        var target = Fraction * multiplier;
        string basis;
        if (request.Regime is { } regime)
        {
            basis = Format(
                $"regime-adaptive: fraction {Fraction:0.####} × regime multiplier {multiplier:0.######} (high volatility {regime.HighVolatility:0.###} × {HighVolatilityMultiplier:0.###}, low volatility {regime.LowVolatility:0.###} × {LowVolatilityMultiplier:0.###}, trending {regime.Trending:0.###} × {TrendingMultiplier:0.###}, ranging {regime.Ranging:0.###} × {RangingMultiplier:0.###}) = {target:0.######} of equity");
        }
        else
        {
            basis = Format($"regime-adaptive: no regime estimate in the request, neutral multiplier {NeutralMultiplier}: fraction {Fraction:0.####} × 1 = {target:0.######} of equity");
            if (!warnedAboutMissingRegime)
            {
                warnedAboutMissingRegime = true;
                current.Log.Warning($"sizing {request.Symbol} without a regime estimate (no detector in the composition?): the neutral multiplier {NeutralMultiplier} applies until one arrives");
            }
        }

        LastBasis = basis;
        return EquityFractionSizing.Size(current.Portfolio, in request, target, basis);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
