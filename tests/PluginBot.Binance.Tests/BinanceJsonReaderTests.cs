using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.Tests;

/// <summary>The readers against recorded Binance payloads (nautilus_trader test data).</summary>
public sealed class BinanceJsonReaderTests
{
    [Fact]
    public void ReadExchangeInfo_RecordedSpotPayload_GivesTickLotAndMinimums()
    {
        using var document = TestFiles.Json("nautilus/http_spot_market_exchange_info.json");

        var rules = BinanceJsonReader.ReadExchangeInfo(document.RootElement).ToDictionary(rule => rule.Symbol);

        var btc = rules["BTCUSDT"];
        Assert.Equal(("USDT", 0.01m, 0.00001m, 0.00001m, 10m), (btc.QuoteCurrency, btc.TickSize, btc.LotSize, btc.MinimumQuantity, btc.MinimumNotional));
        Assert.Equal(0.0001m, rules["ETHUSDT"].LotSize);
    }

    [Fact]
    public void ReadExchangeInfo_RecordedFuturesPayload_ReadsNotionalField()
    {
        using var document = TestFiles.Json("nautilus/http_futures_market_exchange_info.json");

        var rules = BinanceJsonReader.ReadExchangeInfo(document.RootElement).ToDictionary(rule => rule.Symbol);

        Assert.Equal(3, rules.Count);
        Assert.Equal((0.10m, 0.001m, 0.001m, 10m), (rules["BTCUSDT"].TickSize, rules["BTCUSDT"].LotSize, rules["BTCUSDT"].MinimumQuantity, rules["BTCUSDT"].MinimumNotional));
        Assert.Equal(0.1m, rules["BTCUSDT_220325"].TickSize);
    }

    [Fact]
    public void ReadOrder_RecordedFullSpotAnswer_ListsEveryFill()
    {
        using var document = TestFiles.Json("nautilus/new_order_full_response.json");

        var order = BinanceJsonReader.ReadOrder(document.RootElement, BinanceMarket.Spot);

        Assert.Equal(("BTCUSDT", 28L, "6gCrw2kRUAF9CvJDGP16IP", OrderStatus.Filled, OrderSide.Sell), (order.Symbol, order.OrderId, order.ClientOrderId, order.Status, order.Side));
        Assert.Equal([56L, 57, 58, 59, 60], order.Fills.Select(fill => fill.TradeId));
        Assert.Equal(10m, order.Fills.Sum(fill => fill.Quantity));
        Assert.Equal(19.995m, order.Fills[1].Commission);
    }

    [Fact]
    public void ReadOrder_RecordedFuturesAnswer_IsAcceptedLimit()
    {
        using var document = TestFiles.Json("nautilus/futures_order_response.json");

        var order = BinanceJsonReader.ReadOrder(document.RootElement, BinanceMarket.UsdFutures);

        Assert.Equal((OrderStatus.Accepted, BinanceOrderKind.Limit, 50000m, 0.001m, 0m), (order.Status, order.Kind, order.Price, order.Quantity, order.ExecutedQuantity));
        Assert.Equal(new DateTime(2021, 7, 5, 8, 38, 24, 765, DateTimeKind.Utc), order.UpdateTime);
    }

    [Fact]
    public void ReadBalances_RecordedSpotAccount_ReadsFreeAndLocked()
    {
        using var document = TestFiles.Json("nautilus/account_response.json");

        var balances = BinanceJsonReader.ReadBalances(document.RootElement);

        Assert.Equal(2, balances.Count);
        Assert.Equal(new BinanceBalance("BTC", 4723846.89208129m, 0m), balances[0]);
    }

    [Fact]
    public void ReadBalances_RecordedFuturesBalance_ReadsWalletBalance()
    {
        using var document = TestFiles.Json("nautilus/futures_balance.json");

        Assert.Equal(new BinanceBalance("USDT", 122.12345678m, 0m), Assert.Single(BinanceJsonReader.ReadBalances(document.RootElement)));
    }

    [Fact]
    public void ReadPositions_RecordedPositionRisk_ReadsSignedAmount()
    {
        using var document = TestFiles.Json("nautilus/futures_position_risk.json");

        Assert.Equal(new BinancePosition("BTCUSDT", BinancePositionSide.Both, 0.001m, 50000m), Assert.Single(BinanceJsonReader.ReadPositions(document.RootElement)));
    }

    [Fact]
    public void ReadTrade_RecordedSpotAndFuturesTrades_ReadSideAndMaker()
    {
        using var spot = TestFiles.Json("nautilus/account_trades_response.json");
        using var futures = TestFiles.Json("nautilus/http_futures_account_trades.json");

        var spotTrade = BinanceJsonReader.ReadTrade(spot.RootElement[0]);
        var futuresTrades = futures.RootElement.EnumerateArray().Select(BinanceJsonReader.ReadTrade).ToArray();

        Assert.Equal((28457L, 100234L, OrderSide.Buy, 4.000001m, 12m, "BNB", false), (spotTrade.TradeId, spotTrade.OrderId, spotTrade.Side, spotTrade.Price, spotTrade.Quantity, spotTrade.CommissionAsset, spotTrade.IsMaker));
        Assert.Equal([OrderSide.Sell, OrderSide.Buy], futuresTrades.Select(trade => trade.Side));
        Assert.Equal(0.005558m, futuresTrades[1].Commission);
    }

    [Fact]
    public void ReadKlines_RecordedRow_KeepsEveryColumnForTheCsv()
    {
        using var document = TestFiles.Json("nautilus/klines_response.json");

        var kline = Assert.Single(BinanceJsonReader.ReadKlines(document.RootElement));

        Assert.Equal("1499040000000,0.0163479,0.8,0.015758,0.015771,148976.11427815,1499644799999,2434.19055334,308,1756.87402397,28.46694368,0", kline.ToCsvLine());
    }
}
