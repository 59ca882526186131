using PluginBot.Sdk.Orders;

namespace PluginBot.Persistence.Tests;

/// <summary>Hand-built orders and fills with round numbers, so expected positions can be worked out by hand.</summary>
internal static class StoreEvents
{
    public static readonly DateTime Start = new(2024, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    public static OrderRequest Market(string id, OrderSide side, decimal quantity, string symbol = "BTCUSDT") =>
        new(id, symbol, side, OrderType.Market, quantity);

    public static Fill FillOf(string id, OrderSide side, decimal quantity, decimal price, long tradeId, string symbol = "BTCUSDT", decimal fee = 0.5m) =>
        new(id, symbol, side, quantity, price, fee, LiquidityRole.Taker, Start.AddSeconds(tradeId), tradeId);

    /// <summary>Records one order (submission, acceptance, fill, filled) in one batch, as the engine would after a market fill.</summary>
    public static void FilledOrder(TradingStore store, string strategy, string id, OrderSide side, decimal quantity, decimal price, long tradeId, string symbol = "BTCUSDT")
    {
        using var batch = store.BeginBatch();
        batch.RecordOrderSubmission(strategy, Market(id, side, quantity, symbol), Start.AddSeconds(tradeId));
        batch.RecordOrderUpdate(new OrderUpdate(id, OrderStatus.Accepted, Start.AddSeconds(tradeId), 0m));
        batch.RecordFill(FillOf(id, side, quantity, price, tradeId, symbol));
        batch.RecordOrderUpdate(new OrderUpdate(id, OrderStatus.Filled, Start.AddSeconds(tradeId), quantity));
        batch.Commit();
    }
}
