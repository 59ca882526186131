using System.Text.Json;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Binance;

/// <summary>
/// Turns Binance's REST answers into the client's records. Written against the recorded payloads (nautilus_trader,
/// Binance.Net fixtures): numbers arrive as strings, spot and futures name some fields differently (isBuyer vs side,
/// cummulativeQuoteQty vs cumQuote), and absent optional fields mean zero.
/// </summary>
public static class BinanceJsonReader
{
    /// <summary>Reads an order object of either market.</summary>
    public static BinanceOrder ReadOrder(JsonElement order, BinanceMarket market)
    {
        var symbol = order.GetProperty("symbol").GetString()!;
        var orderId = order.GetProperty("orderId").GetInt64();
        var side = BinanceWireNames.ParseSide(order.GetProperty("side").GetString()!);
        var fills = new List<BinanceTrade>();
        var updateTime = FirstTime(order, "updateTime", "transactTime", "time");
        if (order.TryGetProperty("fills", out var fillArray) && fillArray.ValueKind == JsonValueKind.Array)
        {
            foreach (var fill in fillArray.EnumerateArray())
            {
                fills.Add(new BinanceTrade(
                    symbol,
                    fill.GetProperty("tradeId").GetInt64(),
                    orderId,
                    side,
                    Number(fill, "price"),
                    Number(fill, "qty"),
                    Number(fill, "commission"),
                    fill.GetProperty("commissionAsset").GetString() ?? string.Empty,
                    IsMaker: false,
                    updateTime));
            }
        }

        return new BinanceOrder(
            symbol,
            orderId,
            order.GetProperty("clientOrderId").GetString()!,
            BinanceWireNames.ParseStatus(order.GetProperty("status").GetString()!),
            side,
            BinanceWireNames.ParseKind(order.GetProperty("type").GetString()!, market),
            Number(order, "origQty"),
            Number(order, "executedQty"),
            Number(order, "price"),
            Number(order, "stopPrice"),
            updateTime,
            fills);
    }

    /// <summary>Reads one entry of myTrades (spot: isBuyer/isMaker) or userTrades (futures: side/maker).</summary>
    public static BinanceTrade ReadTrade(JsonElement trade)
    {
        OrderSide side;
        if (trade.TryGetProperty("side", out var sideText))
        {
            side = BinanceWireNames.ParseSide(sideText.GetString()!);
        }
        else
        {
            side = trade.GetProperty("isBuyer").GetBoolean() ? OrderSide.Buy : OrderSide.Sell;
        }

        var isMaker = trade.TryGetProperty("isMaker", out var spotMaker) ? spotMaker.GetBoolean() : trade.GetProperty("maker").GetBoolean();
        return new BinanceTrade(
            trade.GetProperty("symbol").GetString()!,
            trade.GetProperty("id").GetInt64(),
            trade.GetProperty("orderId").GetInt64(),
            side,
            Number(trade, "price"),
            Number(trade, "qty"),
            Number(trade, "commission"),
            trade.GetProperty("commissionAsset").GetString() ?? string.Empty,
            isMaker,
            BinanceWireNames.FromMilliseconds(trade.GetProperty("time").GetInt64()));
    }

    /// <summary>Reads spot /api/v3/account balances or the futures /fapi/v2/balance array.</summary>
    public static IReadOnlyList<BinanceBalance> ReadBalances(JsonElement root)
    {
        var balances = new List<BinanceBalance>();
        if (root.ValueKind == JsonValueKind.Object)
        {
            foreach (var balance in root.GetProperty("balances").EnumerateArray())
            {
                balances.Add(new BinanceBalance(balance.GetProperty("asset").GetString()!, Number(balance, "free"), Number(balance, "locked")));
            }
        }
        else
        {
            foreach (var balance in root.EnumerateArray())
            {
                balances.Add(new BinanceBalance(balance.GetProperty("asset").GetString()!, Number(balance, "balance"), 0m));
            }
        }

        return balances;
    }

    /// <summary>Reads positionRisk.</summary>
    public static IReadOnlyList<BinancePosition> ReadPositions(JsonElement root) =>
        root.EnumerateArray()
            .Select(position => new BinancePosition(
                position.GetProperty("symbol").GetString()!,
                BinanceWireNames.ParsePositionSide(position.TryGetProperty("positionSide", out var side) ? side.GetString() : null),
                Number(position, "positionAmt"),
                Number(position, "entryPrice")))
            .ToArray();

    /// <summary>Reads a klines array, keeping every column so the rows can be written back as archive CSV.</summary>
    public static IReadOnlyList<BinanceKline> ReadKlines(JsonElement root) =>
        root.EnumerateArray()
            .Select(row => new BinanceKline(
                row[0].GetInt64(),
                BinanceWireNames.ParseNumber(row[1].GetString()),
                BinanceWireNames.ParseNumber(row[2].GetString()),
                BinanceWireNames.ParseNumber(row[3].GetString()),
                BinanceWireNames.ParseNumber(row[4].GetString()),
                BinanceWireNames.ParseNumber(row[5].GetString()),
                row[6].GetInt64(),
                BinanceWireNames.ParseNumber(row[7].GetString()),
                row[8].GetInt64(),
                BinanceWireNames.ParseNumber(row[9].GetString()),
                BinanceWireNames.ParseNumber(row[10].GetString())))
            .ToArray();

    /// <summary>
    /// Reads exchangeInfo into SDK rules: tick size from PRICE_FILTER, lot step and minimum quantity from LOT_SIZE,
    /// minimum notional from MIN_NOTIONAL (spot's minNotional, futures' notional) or the newer NOTIONAL filter.
    /// Symbols without a PRICE_FILTER or LOT_SIZE are skipped: they cannot be traded safely without them.
    /// </summary>
    public static IReadOnlyList<InstrumentRules> ReadExchangeInfo(JsonElement root)
    {
        var rules = new List<InstrumentRules>();
        foreach (var symbol in root.GetProperty("symbols").EnumerateArray())
        {
            decimal? tick = null;
            decimal? step = null;
            var minimumQuantity = 0m;
            var minimumNotional = 0m;
            foreach (var filter in symbol.GetProperty("filters").EnumerateArray())
            {
                switch (filter.GetProperty("filterType").GetString())
                {
                    case "PRICE_FILTER":
                        tick = Number(filter, "tickSize");
                        break;
                    case "LOT_SIZE":
                        step = Number(filter, "stepSize");
                        minimumQuantity = Number(filter, "minQty");
                        break;
                    case "MIN_NOTIONAL" or "NOTIONAL":
                        minimumNotional = Math.Max(minimumNotional, filter.TryGetProperty("minNotional", out _) ? Number(filter, "minNotional") : Number(filter, "notional"));
                        break;
                }
            }

            if (tick is > 0 && step is > 0)
            {
                rules.Add(new InstrumentRules(
                    symbol.GetProperty("symbol").GetString()!,
                    symbol.GetProperty("quoteAsset").GetString()!,
                    tick.Value,
                    step.Value,
                    minimumQuantity,
                    minimumNotional));
            }
        }

        return rules;
    }

    /// <summary>Reads a decimal sent as a string (or a JSON number); absent or null is zero.</summary>
    public static decimal Number(JsonElement element, string name)
    {
        if (!element.TryGetProperty(name, out var value))
        {
            return 0m;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => BinanceWireNames.ParseNumber(value.GetString()),
            JsonValueKind.Number => value.GetDecimal(),
            _ => 0m,
        };
    }

    private static DateTime FirstTime(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number)
            {
                return BinanceWireNames.FromMilliseconds(value.GetInt64());
            }
        }

        return DateTime.UnixEpoch;
    }
}
