using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.FakeServer;

/// <summary>One execution on the fake exchange.</summary>
/// <param name="Symbol">Symbol.</param>
/// <param name="TradeId">Exchange trade id, increasing.</param>
/// <param name="OrderId">Exchange order id.</param>
/// <param name="ClientOrderId">The client's order id.</param>
/// <param name="Side">Side of our order.</param>
/// <param name="Price">Price.</param>
/// <param name="Quantity">Quantity.</param>
/// <param name="Commission">Fee in the quote asset.</param>
/// <param name="CommissionAsset">Quote asset.</param>
/// <param name="IsMaker">True when the order was resting.</param>
/// <param name="Time">Execution time.</param>
/// <param name="RealizedProfit">Futures realised profit of this fill.</param>
public sealed record FakeTrade(string Symbol, long TradeId, long OrderId, string ClientOrderId, OrderSide Side, decimal Price, decimal Quantity, decimal Commission, string CommissionAsset, bool IsMaker, DateTime Time, decimal RealizedProfit);
