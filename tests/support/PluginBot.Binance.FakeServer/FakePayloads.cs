using System.Text.Json;
using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.FakeServer;

/// <summary>Writes the fake server's REST answers and stream events in the field layout of the recorded Binance payloads.</summary>
internal static class FakePayloads
{
    public static string Json(object value) => JsonSerializer.Serialize(value);

    public static string N(decimal value) => BinanceWireNames.Number(value);

    public static long Ms(DateTime time) => BinanceWireNames.ToMilliseconds(time);

    public static Dictionary<string, object?> Order(FakeOrder order, BinanceMarket market, IReadOnlyList<FakeTrade>? fills = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["symbol"] = order.Symbol,
            ["orderId"] = order.OrderId,
            ["clientOrderId"] = order.ClientOrderId,
            ["price"] = N(order.Price),
            ["origQty"] = N(order.Quantity),
            ["executedQty"] = N(order.ExecutedQuantity),
            ["status"] = BinanceWireNames.Status(order.Status),
            ["timeInForce"] = BinanceWireNames.TimeInForce(order.TimeInForce),
            ["type"] = BinanceWireNames.Kind(order.Kind, market),
            ["side"] = BinanceWireNames.Side(order.Side),
            ["stopPrice"] = N(order.StopPrice),
            ["time"] = Ms(order.Time),
            ["updateTime"] = Ms(order.UpdateTime),
        };
        if (market == BinanceMarket.Spot)
        {
            body["orderListId"] = -1;
            body["cummulativeQuoteQty"] = N(order.CumulativeQuote);
            body["transactTime"] = Ms(order.UpdateTime);
            body["isWorking"] = order.IsOpen;
            if (fills is not null)
            {
                body["fills"] = fills.Select(fill => new Dictionary<string, object?>
                {
                    ["price"] = N(fill.Price),
                    ["qty"] = N(fill.Quantity),
                    ["commission"] = N(fill.Commission),
                    ["commissionAsset"] = fill.CommissionAsset,
                    ["tradeId"] = fill.TradeId,
                }).ToArray();
            }
        }
        else
        {
            body["avgPrice"] = N(order.ExecutedQuantity == 0 ? 0 : order.CumulativeQuote / order.ExecutedQuantity);
            body["cumQuote"] = N(order.CumulativeQuote);
            body["reduceOnly"] = order.ReduceOnly;
            body["positionSide"] = BinanceWireNames.PositionSide(order.PositionSide);
            body["origType"] = body["type"];
        }

        return body;
    }

    public static Dictionary<string, object?> Trade(FakeTrade trade, BinanceMarket market)
    {
        var body = new Dictionary<string, object?>
        {
            ["symbol"] = trade.Symbol,
            ["id"] = trade.TradeId,
            ["orderId"] = trade.OrderId,
            ["price"] = N(trade.Price),
            ["qty"] = N(trade.Quantity),
            ["quoteQty"] = N(trade.Price * trade.Quantity),
            ["commission"] = N(trade.Commission),
            ["commissionAsset"] = trade.CommissionAsset,
            ["time"] = Ms(trade.Time),
        };
        if (market == BinanceMarket.Spot)
        {
            body["orderListId"] = -1;
            body["isBuyer"] = trade.Side == OrderSide.Buy;
            body["isMaker"] = trade.IsMaker;
            body["isBestMatch"] = true;
        }
        else
        {
            body["side"] = BinanceWireNames.Side(trade.Side);
            body["realizedPnl"] = N(trade.RealizedProfit);
            body["marginAsset"] = trade.CommissionAsset;
            body["positionSide"] = "BOTH";
            body["buyer"] = trade.Side == OrderSide.Buy;
            body["maker"] = trade.IsMaker;
        }

        return body;
    }

    /// <summary>A spot executionReport or a futures ORDER_TRADE_UPDATE, as in the recorded user-data payloads.</summary>
    public static string OrderEvent(FakeOrder order, FakeTrade? trade, string executionType, BinanceMarket market, DateTime now)
    {
        var fields = new Dictionary<string, object?>
        {
            ["s"] = order.Symbol,
            ["c"] = order.ClientOrderId,
            ["S"] = BinanceWireNames.Side(order.Side),
            ["o"] = BinanceWireNames.Kind(order.Kind, market),
            ["f"] = BinanceWireNames.TimeInForce(order.TimeInForce),
            ["q"] = N(order.Quantity),
            ["p"] = N(order.Price),
            ["x"] = executionType,
            ["X"] = BinanceWireNames.Status(order.Status),
            ["i"] = order.OrderId,
            ["l"] = N(trade?.Quantity ?? 0m),
            ["z"] = N(order.ExecutedQuantity),
            ["L"] = N(trade?.Price ?? 0m),
            ["n"] = N(trade?.Commission ?? 0m),
            ["N"] = trade?.CommissionAsset,
            ["T"] = Ms(trade?.Time ?? order.UpdateTime),
            ["t"] = trade?.TradeId ?? -1,
            ["m"] = trade?.IsMaker ?? false,
        };
        if (market == BinanceMarket.Spot)
        {
            fields["e"] = "executionReport";
            fields["E"] = Ms(now);
            fields["P"] = N(order.StopPrice);
            fields["r"] = "NONE";
            fields["C"] = string.Empty;
            fields["O"] = Ms(order.Time);
            fields["Z"] = N(order.CumulativeQuote);
            return Json(fields);
        }

        fields["sp"] = N(order.StopPrice);
        fields["ap"] = N(order.ExecutedQuantity == 0 ? 0 : order.CumulativeQuote / order.ExecutedQuantity);
        fields["R"] = order.ReduceOnly;
        fields["ps"] = BinanceWireNames.PositionSide(order.PositionSide);
        fields["ot"] = fields["o"];
        fields["rp"] = N(trade?.RealizedProfit ?? 0m);
        return Json(new Dictionary<string, object?> { ["e"] = "ORDER_TRADE_UPDATE", ["E"] = Ms(now), ["T"] = Ms(now), ["o"] = fields });
    }

    /// <summary>A futures ACCOUNT_UPDATE with the given balances and positions.</summary>
    public static string AccountUpdate(IReadOnlyDictionary<string, decimal> balances, IReadOnlyList<FakePosition> positions, DateTime now) =>
        Json(new Dictionary<string, object?>
        {
            ["e"] = "ACCOUNT_UPDATE",
            ["E"] = Ms(now),
            ["T"] = Ms(now),
            ["a"] = new Dictionary<string, object?>
            {
                ["m"] = "ORDER",
                ["B"] = balances.Select(pair => new Dictionary<string, object?> { ["a"] = pair.Key, ["wb"] = N(pair.Value), ["cw"] = N(pair.Value), ["bc"] = "0" }).ToArray(),
                ["P"] = positions.Select(position => new Dictionary<string, object?>
                {
                    ["s"] = position.Symbol,
                    ["pa"] = N(position.Quantity),
                    ["ep"] = N(position.EntryPrice),
                    ["cr"] = "0",
                    ["up"] = "0",
                    ["mt"] = "cross",
                    ["iw"] = "0",
                    ["ps"] = BinanceWireNames.PositionSide(position.Side),
                }).ToArray(),
            },
        });

    public static string Error(FakeRejection rejection) => Json(new Dictionary<string, object?> { ["code"] = rejection.Code, ["msg"] = rejection.Message });
}
