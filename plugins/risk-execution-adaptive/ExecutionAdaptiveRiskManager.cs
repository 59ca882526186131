using System.Globalization;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.ExecutionAdaptive;

/// <summary>
/// Adapts entry size to how well the engine's own orders are being executed (the context's
/// <see cref="IPluginContext.ExecutionQuality"/>): when fills land far from the decision price, every entry gives
/// away more of its edge, and when recent round trips mostly lose, the strategy is probably out of step with the
/// market. Entries are scaled by
/// <code>
/// scale = clamp(1 − slippageSensitivity × max(0, averageSlippage − slippageToleranceBasisPoints), minimumScale, 1)
/// </code>
/// (the slippage term only once <c>minimumFills</c> fills are known, so one unlucky fill does not shrink the book),
/// then multiplied by <c>poorHitRateMultiplier</c> while the recent hit rate is below <c>poorHitRate</c>, and finally
/// rounded down to 4 places and held within [<c>minimumScale</c>, 1]. The hard bounds are the point: the layer
/// never scales an entry up, never shrinks it below <c>minimumScale</c> (it adapts, it does not halt — halting is the
/// circuit breaker's job) and never touches a reduction. A view that reports a non-finite slippage is treated as the
/// worst case, <c>minimumScale</c>.
/// Layers compose by the engine's rule: every layer assesses every intent, any veto stops it and scales multiply.
/// </summary>
public sealed class ExecutionAdaptiveRiskManager : IRiskManager
{
    private IPluginContext? context;

    /// <inheritdoc />
    public string Name => "risk-execution-adaptive";

    /// <summary>Average slippage in bp that costs nothing, read from the settings.</summary>
    public double SlippageToleranceBasisPoints { get; private set; } = 5;

    /// <summary>Scale lost per bp of average slippage above the tolerance, read from the settings.</summary>
    public double SlippageSensitivity { get; private set; } = 0.05;

    /// <summary>Fills needed before slippage counts, read from the settings.</summary>
    public int MinimumFills { get; private set; } = 5;

    /// <summary>The hit rate below which entries shrink further, read from the settings.</summary>
    public double PoorHitRate { get; private set; } = 0.4;

    /// <summary>The extra factor while the hit rate is poor, read from the settings.</summary>
    public decimal PoorHitRateMultiplier { get; private set; } = 0.5m;

    /// <summary>The smallest scale ever applied, read from the settings.</summary>
    public decimal MinimumScale { get; private set; } = 0.25m;

    /// <summary>The scale an entry would get now, from the current execution quality.</summary>
    public decimal CurrentScale => Compute(Quality()).Scale;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        settings.RejectUnknown("slippageToleranceBasisPoints", "slippageSensitivity", "minimumFills", "poorHitRate", "poorHitRateMultiplier", "minimumScale");
        SlippageToleranceBasisPoints = settings.GetDouble("slippageToleranceBasisPoints", 5, minimum: 0, maximum: 10_000);
        SlippageSensitivity = settings.GetDouble("slippageSensitivity", 0.05, minimum: 0, maximum: 10);
        MinimumFills = settings.GetInt32("minimumFills", 5, minimum: 0, maximum: 100_000);
        PoorHitRate = settings.GetDouble("poorHitRate", 0.4, minimum: 0, maximum: 1);
        PoorHitRateMultiplier = settings.GetDecimal("poorHitRateMultiplier", 0.5m, minimum: 0.0001m, maximum: 1m);
        MinimumScale = settings.GetDecimal("minimumScale", 0.25m, minimum: 0.0001m, maximum: 1m);
        this.context = context;
    }

    /// <inheritdoc />
    public RiskAssessment Assess(in OrderIntent intent)
    {
        var quality = Quality();
        if (intent.IsReducing)
        {
            return RiskAssessment.Approve();
        }

        var (scale, reason) = Compute(quality);
        return scale >= 1m ? RiskAssessment.Approve() : RiskAssessment.ScaleBy(scale, reason!);
    }

    private IExecutionQualityView Quality() =>
        (context ?? throw new InvalidOperationException("The execution-adaptive layer was not initialised.")).ExecutionQuality;

    private (decimal Scale, string? Reason) Compute(IExecutionQualityView quality)
    {
        var parts = new List<string>(2);
        var scale = 1d;
        var slippage = quality.AverageSlippageBasisPoints;
        if (!double.IsFinite(slippage))
        {
            parts.Add(Format($"average slippage is not a number ({slippage}), so the worst case is assumed"));
            scale = 0;
        }
        else if (quality.FillCount >= MinimumFills && slippage > SlippageToleranceBasisPoints)
        {
            scale = 1d - (SlippageSensitivity * (slippage - SlippageToleranceBasisPoints));
            parts.Add(Format(
                $"average slippage {slippage:0.##} bp over {quality.FillCount} fills is above the {SlippageToleranceBasisPoints:0.##} bp tolerance: 1 − {SlippageSensitivity:0.####} × {slippage - SlippageToleranceBasisPoints:0.##} = {scale:0.####}"));
        }

        var bounded = Bound(scale);
        var hitRate = quality.RecentHitRate;
        if (hitRate < PoorHitRate)
        {
            bounded = Bound((double)bounded * (double)PoorHitRateMultiplier);
            parts.Add(Format($"recent hit rate {hitRate:0.###} is below {PoorHitRate:0.###}: × {PoorHitRateMultiplier:0.####}"));
        }

        return parts.Count == 0 || bounded >= 1m
            ? (1m, null)
            : (bounded, Format($"execution quality: {string.Join("; ", parts)}; entries scaled by {bounded:0.0000} (bounds {MinimumScale:0.####} to 1)"));
    }

    // Rounded down to 4 places, then held within the hard bounds (a minimum with more places is kept exactly).
    private decimal Bound(double scale)
    {
        if (!double.IsFinite(scale) || scale <= (double)MinimumScale)
        {
            return MinimumScale;
        }

        if (scale >= 1d)
        {
            return 1m;
        }

        var rounded = Math.Floor((decimal)scale * 10_000m) / 10_000m;
        return Math.Clamp(rounded, MinimumScale, 1m);
    }

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
