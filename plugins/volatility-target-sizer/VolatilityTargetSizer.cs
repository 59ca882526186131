using System.Globalization;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.VolatilityTargetSizer;

/// <summary>
/// Sizes so that being stopped out loses <c>riskFraction</c> of equity: with the stop <c>stopDistanceFraction</c> of
/// the price away, notional = equity × riskFraction ÷ stopDistanceFraction, capped at <c>maximumFraction</c> of equity
/// (a tight stop would otherwise ask for huge leverage). With a fraction of 1 or less the size is also capped by
/// cash, as in the fixed-fraction sizer.
/// <para>
/// The stop distance is a setting, not an ATR multiple: sizers are not shown bars, so this sizer cannot measure
/// volatility itself. An ATR-based distance needs the SDK to let sizers observe bars (or to carry a volatility
/// estimate in the sizing request).
/// </para>
/// </summary>
public sealed class VolatilityTargetSizer : IPositionSizer
{
    private IPluginContext? context;
    private decimal riskFraction = 0.01m;
    private decimal stopDistanceFraction = 0.02m;
    private decimal maximumFraction = 1m;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        this.context = context;
        var settings = context.Settings;
        settings.RejectUnknown("riskFraction", "stopDistanceFraction", "maximumFraction");
        riskFraction = settings.GetDecimal("riskFraction", 0.01m, minimum: 0.0001m, maximum: 1m);
        stopDistanceFraction = settings.GetDecimal("stopDistanceFraction", 0.02m, minimum: 0.0001m, maximum: 1m);
        maximumFraction = settings.GetDecimal("maximumFraction", 1m, minimum: 0.0001m, maximum: 10m);
    }

    /// <inheritdoc />
    public SizingResult Size(in SizingRequest request)
    {
        var portfolio = (context ?? throw new InvalidOperationException("The sizer was not initialised.")).Portfolio;
        var uncapped = riskFraction / stopDistanceFraction;
        var fraction = Math.Min(uncapped, maximumFraction);
        var basis = string.Create(CultureInfo.InvariantCulture,
            $"volatility target: risk {riskFraction} of equity over a stop {stopDistanceFraction} away = {uncapped:0.######} of equity, capped at {maximumFraction}");
        return EquityFractionSizing.Size(portfolio, in request, fraction, basis);
    }
}
