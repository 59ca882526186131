using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Tests.Infrastructure;

/// <summary>Builds fills for accounting tests, numbered so each one is distinct.</summary>
internal static class TestFills
{
    private static long nextTradeId;

    public static Fill Buy(string symbol, decimal quantity, decimal price, decimal fee = 0m, int minute = 0) =>
        Create(symbol, OrderSide.Buy, quantity, price, fee, minute);

    public static Fill Sell(string symbol, decimal quantity, decimal price, decimal fee = 0m, int minute = 0) =>
        Create(symbol, OrderSide.Sell, quantity, price, fee, minute);

    private static Fill Create(string symbol, OrderSide side, decimal quantity, decimal price, decimal fee, int minute)
    {
        var tradeId = Interlocked.Increment(ref nextTradeId);
        return new Fill($"order-{tradeId}", symbol, side, quantity, price, fee, LiquidityRole.Taker, TestBars.Origin.AddMinutes(minute), tradeId);
    }
}
