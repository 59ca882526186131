using System.Globalization;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.FixedFractionSizer;

/// <summary>
/// Sizes a position to <c>fraction</c> × equity ÷ price, rounded down to the lot size. The default 0.95 leaves
/// room for fees and for the next bar opening above the decision price, so a full-size entry is not refused
/// for lack of cash. Confidence does not change the size (that is the confidence-weighted sizer's job).
/// </summary>
public sealed class FixedFractionSizer : IPositionSizer
{
    private IPluginContext? context;
    private decimal fraction = 0.95m;

    /// <inheritdoc />
    public string? LastReason { get; private set; }

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        this.context = context;
        context.Settings.RejectUnknown("fraction");
        fraction = context.Settings.GetDecimal("fraction", 0.95m, minimum: 0.0001m, maximum: 10m);
    }

    /// <inheritdoc />
    public decimal TargetQuantity(in SizingRequest request)
    {
        var equity = (context ?? throw new InvalidOperationException("The sizer was not initialised.")).Portfolio.Equity;
        if (equity <= 0 || request.ReferencePrice <= 0)
        {
            LastReason = string.Create(CultureInfo.InvariantCulture, $"no size: equity {equity}, price {request.ReferencePrice}");
            return 0m;
        }

        var quantity = request.Rules.RoundQuantityDown(equity * fraction / (request.ReferencePrice * request.Rules.ContractMultiplier));
        LastReason = quantity == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{fraction:P} of equity {equity:0.##} buys less than one lot of {request.Rules.LotSize} at {request.ReferencePrice}")
            : null;
        return quantity;
    }
}
