using System.Globalization;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.FixedFractionSizer;

/// <summary>
/// Sizes a position to <c>fraction</c> × equity ÷ price, rounded down to the lot size. The default 0.95 leaves
/// room for fees and for the next bar opening above the decision price, so a full-size entry is not refused
/// for lack of cash. With a fraction of 1 or less the size is also capped at the same fraction of the cash, so an
/// account whose cash is tied up in other symbols' positions enters smaller instead of being refused.
/// Confidence does not change the size (that is the confidence-weighted sizer's job).
/// </summary>
public sealed class FixedFractionSizer : IPositionSizer
{
    private IPluginContext? context;
    private decimal fraction = 0.95m;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        this.context = context;
        context.Settings.RejectUnknown("fraction");
        fraction = context.Settings.GetDecimal("fraction", 0.95m, minimum: 0.0001m, maximum: 10m);
    }

    /// <inheritdoc />
    public SizingResult Size(in SizingRequest request) => EquityFractionSizing.Size(
        (context ?? throw new InvalidOperationException("The sizer was not initialised.")).Portfolio,
        in request,
        fraction,
        string.Create(CultureInfo.InvariantCulture, $"fixed fraction {fraction:0.####}"));
}
