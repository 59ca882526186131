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
    public SizingResult Size(in SizingRequest request)
    {
        var portfolio = (context ?? throw new InvalidOperationException("The sizer was not initialised.")).Portfolio;
        var equity = portfolio.Equity;
        if (equity <= 0 || request.ReferencePrice <= 0)
        {
            return SizingResult.None(string.Create(CultureInfo.InvariantCulture, $"no size: equity {equity}, price {request.ReferencePrice}"));
        }

        var budget = equity * fraction;
        if (fraction <= 1m)
        {
            // Cash the entry can use: what is free now plus what closing this symbol's current position releases (a flip).
            var releasable = Math.Abs(portfolio.GetPosition(request.Symbol).MarketValue);
            budget = Math.Min(budget, Math.Max(portfolio.Cash + releasable, 0m) * fraction);
        }

        var quantity = request.Rules.RoundQuantityDown(budget / (request.ReferencePrice * request.Rules.ContractMultiplier));
        return quantity > 0
            ? SizingResult.Of(quantity)
            : SizingResult.None(string.Create(CultureInfo.InvariantCulture,
                $"{fraction:P} of equity {equity:0.##} (cash {portfolio.Cash:0.##}) buys less than one lot of {request.Rules.LotSize} at {request.ReferencePrice}"));
    }
}
