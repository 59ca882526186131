using System.Globalization;

namespace PluginBot.Sdk.Instruments;

/// <summary>
/// The exchange's trading rules for one symbol. An order that breaks one of them is rejected by the exchange,
/// so the engine checks them before sending and sizers round to them.
/// </summary>
public sealed record InstrumentRules
{
    /// <summary>Creates rules; every size must be positive except the minimums, which may be zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is out of range; the message names it.</exception>
    public InstrumentRules(
        string symbol,
        string quoteCurrency,
        decimal tickSize,
        decimal lotSize,
        decimal minimumQuantity,
        decimal minimumNotional,
        decimal contractMultiplier = 1m)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        RequirePositive(tickSize, nameof(tickSize));
        RequirePositive(lotSize, nameof(lotSize));
        RequirePositive(contractMultiplier, nameof(contractMultiplier));
        if (minimumQuantity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumQuantity), minimumQuantity, "Must not be negative.");
        }

        if (minimumNotional < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumNotional), minimumNotional, "Must not be negative.");
        }

        Symbol = symbol;
        QuoteCurrency = quoteCurrency;
        TickSize = tickSize;
        LotSize = lotSize;
        MinimumQuantity = minimumQuantity;
        MinimumNotional = minimumNotional;
        ContractMultiplier = contractMultiplier;
    }

    /// <summary>The symbol these rules belong to.</summary>
    public string Symbol { get; }

    /// <summary>The currency prices, fees and notional are counted in.</summary>
    public string QuoteCurrency { get; }

    /// <summary>Every price must be a whole multiple of this.</summary>
    public decimal TickSize { get; }

    /// <summary>Every quantity must be a whole multiple of this.</summary>
    public decimal LotSize { get; }

    /// <summary>The smallest quantity the exchange accepts.</summary>
    public decimal MinimumQuantity { get; }

    /// <summary>The smallest order value (price × quantity × multiplier) the exchange accepts.</summary>
    public decimal MinimumNotional { get; }

    /// <summary>Quote value of one unit of quantity per unit of price (1 for spot).</summary>
    public decimal ContractMultiplier { get; }

    /// <summary>Rules that accept anything a backtest on unknown data could send: 1e-8 steps, no minimums.</summary>
    public static InstrumentRules Permissive(string symbol, string quoteCurrency = "USD") =>
        new(symbol, quoteCurrency, 0.00000001m, 0.00000001m, 0m, 0m);

    /// <summary>Rounds a price to the nearest tick (midpoint away from zero).</summary>
    public decimal RoundPrice(decimal price) => Math.Round(price / TickSize, MidpointRounding.AwayFromZero) * TickSize;

    /// <summary>Rounds a quantity down to a whole number of lots, so sizing never exceeds what was budgeted.</summary>
    public decimal RoundQuantityDown(decimal quantity) => Math.Floor(quantity / LotSize) * LotSize;

    /// <summary>
    /// Checks an order's quantity and price against the rules. Returns null when legal, otherwise the reason,
    /// naming the rule and the value that broke it.
    /// </summary>
    /// <param name="quantity">Order quantity, positive.</param>
    /// <param name="price">The price the order is expected to trade at (limit price, or the last price for market orders).</param>
    /// <param name="priceIsOrderPrice">True when <paramref name="price"/> is a price the order carries and must be on the tick grid.</param>
    public string? Check(decimal quantity, decimal price, bool priceIsOrderPrice)
    {
        if (quantity <= 0)
        {
            return $"quantity {Format(quantity)} must be positive";
        }

        if (quantity % LotSize != 0)
        {
            return $"quantity {Format(quantity)} is not a multiple of the lot size {Format(LotSize)} for {Symbol}";
        }

        if (quantity < MinimumQuantity)
        {
            return $"quantity {Format(quantity)} is below the minimum quantity {Format(MinimumQuantity)} for {Symbol}";
        }

        if (priceIsOrderPrice)
        {
            if (price <= 0)
            {
                return $"price {Format(price)} must be positive";
            }

            if (price % TickSize != 0)
            {
                return $"price {Format(price)} is not a multiple of the tick size {Format(TickSize)} for {Symbol}";
            }
        }

        var notional = quantity * price * ContractMultiplier;
        if (notional < MinimumNotional)
        {
            return $"notional {Format(notional)} {QuoteCurrency} is below the minimum notional {Format(MinimumNotional)} for {Symbol}";
        }

        return null;
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static void RequirePositive(decimal value, string name)
    {
        if (value <= 0)
        {
            throw new ArgumentOutOfRangeException(name, value, "Must be positive.");
        }
    }
}
