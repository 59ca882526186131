namespace PluginBot.Binance;

/// <summary>
/// The order types the client sends, named once for both markets; <see cref="BinanceWireNames"/> spells them per
/// market (spot STOP_LOSS_LIMIT is futures STOP, spot TAKE_PROFIT is futures TAKE_PROFIT_MARKET).
/// </summary>
public enum BinanceOrderKind
{
    /// <summary>Trades at once.</summary>
    Market = 1,

    /// <summary>Rests at a limit price.</summary>
    Limit = 2,

    /// <summary>A market order triggered when the price crosses the stop price against the position.</summary>
    StopMarket = 3,

    /// <summary>A limit order triggered by the stop price.</summary>
    StopLimit = 4,

    /// <summary>A market order triggered when the price reaches a profit target.</summary>
    TakeProfitMarket = 5,

    /// <summary>A limit order triggered by a profit target.</summary>
    TakeProfitLimit = 6,
}
