using System.Globalization;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.ConfidenceSizer;

/// <summary>
/// Sizes to <c>fraction</c> × the signal's confidence of equity, so a strategy that is half sure bets half as much.
/// Below <c>minimumConfidence</c> it sizes nothing: a barely-sure signal would pay fees and spread for a position
/// too small to matter. With a fraction of 1 or less the size is also capped by cash, as in the fixed-fraction sizer.
/// </summary>
public sealed class ConfidenceWeightedSizer : IPositionSizer
{
    private IPluginContext? context;
    private decimal fraction = 0.5m;
    private decimal minimumConfidence = 0.2m;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        this.context = context;
        var settings = context.Settings;
        settings.RejectUnknown("fraction", "minimumConfidence");
        fraction = settings.GetDecimal("fraction", 0.5m, minimum: 0.0001m, maximum: 10m);
        minimumConfidence = settings.GetDecimal("minimumConfidence", 0.2m, minimum: 0m, maximum: 1m);
    }

    /// <inheritdoc />
    public SizingResult Size(in SizingRequest request)
    {
        var portfolio = (context ?? throw new InvalidOperationException("The sizer was not initialised.")).Portfolio;

        // Through decimal from a double rounds to 15 significant digits, so 0.7 stays 0.7 and sizes are reproducible.
        var confidence = (decimal)request.Signal.Confidence;
        if (confidence < minimumConfidence)
        {
            return SizingResult.None(string.Create(CultureInfo.InvariantCulture,
                $"confidence-weighted: confidence {confidence} is below the minimum confidence {minimumConfidence}; no position"));
        }

        var target = fraction * confidence;
        var basis = string.Create(CultureInfo.InvariantCulture, $"confidence-weighted: {fraction} × confidence {confidence} = {target:0.######} of equity");
        return EquityFractionSizing.Size(portfolio, in request, target, basis);
    }
}
