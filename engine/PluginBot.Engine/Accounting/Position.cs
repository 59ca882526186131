using PluginBot.Sdk.Portfolio;

namespace PluginBot.Engine.Accounting;

/// <summary>
/// The engine-owned position in one symbol. Mutable and internal to the engine: plugins only ever see a
/// <see cref="PositionView"/> copy.
/// </summary>
public sealed class Position
{
    internal Position(string symbol, decimal contractMultiplier)
    {
        Symbol = symbol;
        ContractMultiplier = contractMultiplier;
    }

    /// <summary>The instrument.</summary>
    public string Symbol { get; }

    /// <summary>Quote value of one unit per unit of price.</summary>
    public decimal ContractMultiplier { get; }

    /// <summary>Signed quantity: positive long, negative short.</summary>
    public decimal Quantity { get; private set; }

    /// <summary>Average entry price of the open quantity; 0 when flat.</summary>
    public decimal AveragePrice { get; private set; }

    /// <summary>The last price the position was marked at.</summary>
    public decimal MarketPrice { get; internal set; }

    /// <summary>Realised profit or loss in this symbol since the start, before fees.</summary>
    public decimal RealizedProfitLoss { get; private set; }

    /// <summary>Market value of the open quantity at <see cref="MarketPrice"/> (negative for shorts).</summary>
    public decimal MarketValue => Quantity * MarketPrice * ContractMultiplier;

    /// <summary>A read-only copy for plugins.</summary>
    public PositionView ToView() => new(Symbol, Quantity, AveragePrice, MarketPrice, RealizedProfitLoss, ContractMultiplier);

    /// <summary>
    /// Applies a signed fill and returns the profit or loss it realised. Adding to a position averages the entry
    /// price; reducing realises against the average; crossing zero realises the old side and opens the rest at the fill price.
    /// </summary>
    internal decimal Apply(decimal signedQuantity, decimal price)
    {
        var realized = 0m;
        if (Quantity == 0 || Math.Sign(Quantity) == Math.Sign(signedQuantity))
        {
            var newQuantity = Quantity + signedQuantity;
            AveragePrice = ((AveragePrice * Math.Abs(Quantity)) + (price * Math.Abs(signedQuantity))) / Math.Abs(newQuantity);
            Quantity = newQuantity;
        }
        else
        {
            var closing = Math.Min(Math.Abs(signedQuantity), Math.Abs(Quantity));
            realized = closing * (price - AveragePrice) * Math.Sign(Quantity) * ContractMultiplier;
            var newQuantity = Quantity + signedQuantity;
            if (newQuantity == 0)
            {
                AveragePrice = 0;
            }
            else if (Math.Sign(newQuantity) != Math.Sign(Quantity))
            {
                AveragePrice = price;
            }

            Quantity = newQuantity;
        }

        RealizedProfitLoss += realized;
        MarketPrice = price;
        return realized;
    }
}
