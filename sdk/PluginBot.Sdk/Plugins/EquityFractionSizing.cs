using System.Globalization;
using PluginBot.Sdk.Portfolio;

namespace PluginBot.Sdk.Plugins;

/// <summary>
/// The last step every fraction-of-equity sizer shares: turn a fraction of equity into a legal quantity. It applies
/// the same cash cap as the fixed-fraction sizer, rounds down to the lot and checks the exchange's minimums, so a
/// size the exchange would refuse comes back as no size with the rule's reason instead of as an order.
/// Part of the SDK so every sizer plugin (and script) shares one implementation of the exchange's rules.
/// </summary>
public static class EquityFractionSizing
{
    /// <summary>Sizes <paramref name="fraction"/> of equity at the request's reference price.</summary>
    /// <param name="portfolio">The account, read at the time of the decision.</param>
    /// <param name="request">The decision being sized.</param>
    /// <param name="fraction">Target notional as a fraction of equity; above 1 it is leverage and is not capped by cash.</param>
    /// <param name="basis">How the fraction was reached, put in front of every refusal so the decision record explains itself.</param>
    public static SizingResult Size(IPortfolioView portfolio, in SizingRequest request, decimal fraction, string basis)
    {
        var equity = portfolio.Equity;
        var price = request.ReferencePrice;
        if (equity <= 0 || price <= 0)
        {
            return SizingResult.None(string.Create(CultureInfo.InvariantCulture, $"{basis}: no size with equity {equity} and price {price}"));
        }

        if (fraction <= 0)
        {
            return SizingResult.None(string.Create(CultureInfo.InvariantCulture, $"{basis}: a fraction of {fraction:0.######} sizes nothing"));
        }

        var rules = request.Rules;
        var budget = equity * fraction;
        if (fraction <= 1m)
        {
            // Cash the entry can use: what is free now plus what closing this symbol's current position releases (a flip).
            var releasable = Math.Abs(portfolio.GetPosition(request.Symbol).MarketValue);
            budget = Math.Min(budget, Math.Max(portfolio.Cash + releasable, 0m) * fraction);
        }

        var quantity = rules.RoundQuantityDown(budget / (price * rules.ContractMultiplier));
        if (quantity <= 0)
        {
            return SizingResult.None(string.Create(CultureInfo.InvariantCulture,
                $"{basis}: {fraction:0.######} of equity {equity:0.##} (cash {portfolio.Cash:0.##}) buys less than one lot of {rules.LotSize} at {price}"));
        }

        var broken = rules.Check(quantity, price, priceIsOrderPrice: false);
        return broken is null
            ? SizingResult.Of(quantity)
            : SizingResult.None(string.Create(CultureInfo.InvariantCulture, $"{basis}: {broken}; the order is not sent"));
    }
}
