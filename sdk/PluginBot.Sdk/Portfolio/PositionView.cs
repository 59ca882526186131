namespace PluginBot.Sdk.Portfolio;

/// <summary>A read-only snapshot of the position in one symbol.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Quantity">Signed quantity: positive long, negative short, zero flat.</param>
/// <param name="AveragePrice">Average entry price of the open quantity (0 when flat).</param>
/// <param name="MarketPrice">The last price the position was marked at.</param>
/// <param name="RealizedProfitLoss">Profit or loss already closed in this symbol, before fees.</param>
/// <param name="ContractMultiplier">Quote value of one unit per unit of price (1 for spot).</param>
public readonly record struct PositionView(string Symbol, decimal Quantity, decimal AveragePrice, decimal MarketPrice, decimal RealizedProfitLoss, decimal ContractMultiplier = 1m)
{
    /// <summary>Profit or loss of the open quantity at <see cref="MarketPrice"/>, in the quote currency.</summary>
    public decimal UnrealizedProfitLoss => Quantity * (MarketPrice - AveragePrice) * ContractMultiplier;

    /// <summary>Market value of the open quantity (negative for shorts), in the quote currency.</summary>
    public decimal MarketValue => Quantity * MarketPrice * ContractMultiplier;

    /// <summary>True when there is no open quantity.</summary>
    public bool IsFlat => Quantity == 0;
}
