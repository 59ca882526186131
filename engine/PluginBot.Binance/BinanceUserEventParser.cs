using System.Text.Json;

namespace PluginBot.Binance;

/// <summary>
/// Parses user-data messages: spot executionReport, futures ORDER_TRADE_UPDATE and ACCOUNT_UPDATE, spot
/// outboundAccountPosition, listenKeyExpired; the WebSocket-API wrapper <c>{"subscriptionId":..,"event":{..}}</c> is
/// unwrapped first. Anything else is ignored (returns <see cref="BinanceUserMessage.Ignored"/>).
/// </summary>
public static class BinanceUserEventParser
{
    /// <summary>Parses one message.</summary>
    public static BinanceUserMessage Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        if (root.TryGetProperty("event", out var wrapped) && wrapped.ValueKind == JsonValueKind.Object)
        {
            root = wrapped;
        }

        var type = root.TryGetProperty("e", out var eventType) ? eventType.GetString() : null;
        return type switch
        {
            "executionReport" => new BinanceUserMessage(ReadOrder(root, root.GetProperty("E").GetInt64()), null, false),
            "ORDER_TRADE_UPDATE" => new BinanceUserMessage(ReadOrder(root.GetProperty("o"), root.GetProperty("E").GetInt64()), null, false),
            "ACCOUNT_UPDATE" => new BinanceUserMessage(null, ReadFuturesAccount(root), false),
            "outboundAccountPosition" => new BinanceUserMessage(null, ReadSpotAccount(root), false),
            "listenKeyExpired" => new BinanceUserMessage(null, null, true),
            _ => BinanceUserMessage.Ignored,
        };
    }

    private static BinanceOrderEvent ReadOrder(JsonElement order, long eventTime)
    {
        var status = order.GetProperty("X").GetString()!;
        var reason = order.TryGetProperty("r", out var rejectReason) ? rejectReason.GetString() : null;
        var time = order.TryGetProperty("T", out var transaction) && transaction.ValueKind == JsonValueKind.Number ? transaction.GetInt64() : eventTime;
        return new BinanceOrderEvent(
            order.GetProperty("s").GetString()!,
            OrderClientId(order),
            order.GetProperty("i").GetInt64(),
            order.GetProperty("x").GetString()!,
            BinanceWireNames.ParseStatus(status),
            BinanceWireNames.ParseSide(order.GetProperty("S").GetString()!),
            BinanceJsonReader.Number(order, "q"),
            BinanceJsonReader.Number(order, "z"),
            BinanceJsonReader.Number(order, "l"),
            BinanceJsonReader.Number(order, "L"),
            BinanceJsonReader.Number(order, "n"),
            order.TryGetProperty("N", out var asset) ? asset.GetString() : null,
            order.TryGetProperty("t", out var trade) ? trade.GetInt64() : -1,
            order.TryGetProperty("m", out var maker) && maker.GetBoolean(),
            BinanceWireNames.FromMilliseconds(time),
            status == "REJECTED" && reason is not null && reason != "NONE" ? reason : null);
    }

    /// <summary>A spot cancel reports the cancel request's id in "c" and the cancelled order's in "C".</summary>
    private static string OrderClientId(JsonElement order)
    {
        var client = order.GetProperty("c").GetString() ?? string.Empty;
        if (order.GetProperty("x").GetString() == "CANCELED"
            && order.TryGetProperty("C", out var original)
            && original.ValueKind == JsonValueKind.String
            && !string.IsNullOrEmpty(original.GetString()))
        {
            return original.GetString()!;
        }

        return client;
    }

    private static BinanceAccountEvent ReadFuturesAccount(JsonElement root)
    {
        var account = root.GetProperty("a");
        var balances = account.GetProperty("B").EnumerateArray()
            .Select(balance => new BinanceBalance(balance.GetProperty("a").GetString()!, BinanceJsonReader.Number(balance, "wb"), 0m))
            .ToArray();
        var positions = account.GetProperty("P").EnumerateArray()
            .Select(position => new BinancePosition(
                position.GetProperty("s").GetString()!,
                BinanceWireNames.ParsePositionSide(position.GetProperty("ps").GetString()),
                BinanceJsonReader.Number(position, "pa"),
                BinanceJsonReader.Number(position, "ep")))
            .ToArray();
        return new BinanceAccountEvent(balances, positions, BinanceWireNames.FromMilliseconds(root.GetProperty("E").GetInt64()));
    }

    private static BinanceAccountEvent ReadSpotAccount(JsonElement root) => new(
        root.GetProperty("B").EnumerateArray()
            .Select(balance => new BinanceBalance(balance.GetProperty("a").GetString()!, BinanceJsonReader.Number(balance, "f"), BinanceJsonReader.Number(balance, "l")))
            .ToArray(),
        [],
        BinanceWireNames.FromMilliseconds(root.GetProperty("E").GetInt64()));
}
