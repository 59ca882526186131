using PluginBot.Engine.Execution;
using System.Text;
using System.Text.Json;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Statistics;

namespace PluginBot.Engine.Tests;

/// <summary>
/// The shipped EMA-cross composition on the shipped Binance BTCBUSD minute bars (1,440 bars of 2022-12-13): the
/// whole backtest environment end to end, checked against invariants every run must satisfy.
/// </summary>
public sealed class BacktestRunnerTests
{
    private const string Symbol = "BTCBUSD";
    private const int BinanceBars = 1_440;
    private const int CoinbaseBars = 3_887;

    private static readonly Lazy<(BacktestDataSet Data, BacktestResult Result)> Shipped = new(() =>
    {
        var data = ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile);
        return (data, ShippedCompositionBacktest.Run(data));
    });

    private static BacktestDataSet Data => Shipped.Value.Data;

    private static BacktestResult Result => Shipped.Value.Result;

    [Fact]
    public void Run_ShippedComposition_ProcessesEveryBarAndTrades()
    {
        Assert.Equal(BinanceBars, Result.BarsProcessed);
        Assert.True(Result.FillCount >= 10, $"expected the EMA cross to trade on a day of minute bars, got {Result.FillCount} fills");
        Assert.All(Result.Orders, order => Assert.Equal(OrderStatus.Filled, order.Status));
        Assert.Equal(0, Result.StrategyFailures);
    }

    [Fact]
    public void Run_TwiceOnTheSameData_WritesByteIdenticalResults()
    {
        var again = ShippedCompositionBacktest.Run(ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile));

        Assert.Equal(BacktestResultWriter.ResultsJson(Result), BacktestResultWriter.ResultsJson(again));
        Assert.Equal(Encoding.UTF8.GetBytes(BacktestResultWriter.TradesCsv(Result)), Encoding.UTF8.GetBytes(BacktestResultWriter.TradesCsv(again)));
        Assert.Equal(Encoding.UTF8.GetBytes(BacktestResultWriter.EquityCsv(Result)), Encoding.UTF8.GetBytes(BacktestResultWriter.EquityCsv(again)));
        Assert.NotEmpty(again.Trades);
    }

    [Fact]
    public void Run_EveryFill_TradesAtTheOpenOfTheFirstBarStartingAfterTheDecisionBar()
    {
        var bars = Data.Series.Single().Bars;
        var rules = ShippedCompositionBacktest.OptionsFor(ShippedCompositionBacktest.LoadComposition(), Data).Instruments.Get(Symbol);
        foreach (var order in Result.Orders)
        {
            // The order was sent at the close of its decision bar; the first bar it may use starts at or after that.
            var decisionIndex = Array.FindIndex(bars, bar => bar.EndTime == order.SentTime);
            var fillIndex = Array.FindIndex(bars, bar => bar.StartTime >= order.SentTime);
            Assert.True(decisionIndex >= 0, $"{order.Request.ClientOrderId} was sent at {order.SentTime:O}, which is no bar's close");
            Assert.True(fillIndex > decisionIndex, $"{order.Request.ClientOrderId} has no bar after its decision bar");

            var fill = Assert.Single(order.Fills);
            var fillBar = bars[fillIndex];
            Assert.Equal(fillBar.StartTime, fill.Time);
            Assert.True(fill.Time >= order.SentTime);
            Assert.Equal(SlippedOpen(fillBar, order.Request.Side, rules.TickSize), fill.Price);
        }
    }

    [Fact]
    public void Run_Fees_EqualTheSumOfFillFeesAndTenBasisPointsOfTradedNotional()
    {
        var fills = Result.Orders.SelectMany(order => order.Fills).ToList();
        var notional = fills.Sum(fill => fill.Price * fill.Quantity);

        Assert.Equal(Result.FillCount, fills.Count);
        Assert.Equal(fills.Sum(fill => fill.Fee), Result.FeesPaid);
        Assert.Equal(notional * 10m / 10_000m, Result.FeesPaid);
    }

    [Fact]
    public void Run_FinalEquity_IsCashPlusTheOpenPositionMarkedAtTheLastClose()
    {
        var fills = Result.Orders.SelectMany(order => order.Fills).ToList();
        var lastClose = Data.Series.Single().Bars[^1].Close;
        var position = Result.OpenPositions.GetValueOrDefault(Symbol);
        var final = Result.EquityCurve[^1];

        // Cash is the start minus what was paid for buys plus what sells brought in, minus every fee.
        var expectedCash = Result.Options.InitialCash - fills.Sum(fill => fill.SignedQuantity * fill.Price) - fills.Sum(fill => fill.Fee);
        Assert.Equal(fills.Sum(fill => fill.SignedQuantity), position);
        Assert.Equal(expectedCash, final.Cash);
        Assert.Equal(final.Cash + (position * lastClose), final.Equity);
        Assert.Equal(Data.Series.Single().Bars[^1].EndTime, final.Time);
    }

    [Fact]
    public void Run_LongOnlyStrategy_ClosesOneTradePerPairOfFills()
    {
        Assert.Equal(Result.FillCount / 2, Result.Trades.Count);
        Assert.All(Result.Trades, trade => Assert.Equal(TradeDirection.Long, trade.Direction));
        Assert.Equal(Result.FillCount % 2 == 1, Result.OpenPositions.ContainsKey(Symbol));
    }

    [Fact]
    public void Run_TwoSymbolsFromTwoFiles_ProcessesEveryBarOfBothAndSendsOrdersForEach()
    {
        var data = ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile, RepositoryPaths.CoinbaseBitcoinMinuteFile);

        var result = ShippedCompositionBacktest.Run(data);

        Assert.Equal(new[] { "BTCBUSD", "BTCUSD" }, data.Series.Select(series => series.Symbol).Order(StringComparer.Ordinal));
        Assert.Equal(BinanceBars + CoinbaseBars, result.BarsProcessed);
        Assert.Contains(result.Orders, order => order.Request.Symbol == "BTCUSD" && order.Status == OrderStatus.Filled);
        Assert.Contains(result.Orders, order => order.Request.Symbol == "BTCBUSD");
        AssertFillsUseOnlyTheirOwnSymbolsBars(data, result);

        // The 2018 file ends while its 95 % position is open; the 2022 symbol is then sized to the cash left free
        // (the sizer caps at the same fraction of cash), so its entries fit and fill instead of being refused.
        var open = result.OpenPositions;
        Assert.True(open["BTCUSD"] > 0);
        Assert.Contains(result.Orders, order => order.Request.Symbol == "BTCBUSD" && order.Status == OrderStatus.Filled);
        Assert.DoesNotContain(result.Orders, order => order.Status == OrderStatus.Rejected);
    }

    [Fact]
    public void Run_EntriesSizedToAllTheCash_AreRetriedOnlyWhenThePriceFalls()
    {
        // Fraction 1: the entry spends all the cash at the decision close, so fees (and any higher open) make the
        // exchange refuse it. The refused decision may be retried only when the close is lower than at the refusal.
        var data = ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile);
        using var settings = JsonDocument.Parse("""{ "fraction": 1 }""");
        var composition = ShippedCompositionBacktest.LoadComposition() with
        {
            Sizer = new PluginReference("fixed-fraction", new PluginSettings(settings.RootElement, "$.sizer.settings")),
        };

        var result = ShippedCompositionBacktest.Run(data, composition);

        var rejected = result.Orders.Where(order => order.Status == OrderStatus.Rejected).ToList();
        Assert.NotEmpty(rejected);
        Assert.All(rejected, order => Assert.StartsWith("insufficient cash", order.Reason, StringComparison.Ordinal));
        var sent = result.Decisions.Where(d => d.Outcome == DecisionOutcome.OrderSent).ToList();
        for (var index = 1; index < sent.Count; index++)
        {
            var previous = result.Orders.Single(o => o.Request.ClientOrderId == sent[index - 1].ClientOrderId);
            if (previous.Status == OrderStatus.Rejected && sent[index].PositionBefore == sent[index - 1].PositionBefore)
            {
                Assert.True(sent[index].ReferencePrice < sent[index - 1].ReferencePrice,
                    $"order {sent[index].ClientOrderId} re-sent a refused entry at {sent[index].ReferencePrice} without the price falling below {sent[index - 1].ReferencePrice}");
            }
        }

        Assert.Contains(result.Decisions, decision => decision.Outcome == DecisionOutcome.HeldAfterRejection);
    }

    [Fact]
    public void Run_TwoSymbolsSizedToFitTogether_FillsOrdersForBoth()
    {
        // 45 % of equity per symbol: both positions fit in the cash account at once.
        var data = ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile, RepositoryPaths.CoinbaseBitcoinMinuteFile);
        using var settings = JsonDocument.Parse("""{ "fraction": 0.45 }""");
        var composition = ShippedCompositionBacktest.LoadComposition() with
        {
            Sizer = new PluginReference("fixed-fraction", new PluginSettings(settings.RootElement, "$.sizer.settings")),
        };

        var result = ShippedCompositionBacktest.Run(data, composition);

        Assert.Equal(BinanceBars + CoinbaseBars, result.BarsProcessed);
        Assert.All(result.Orders, order => Assert.Equal(OrderStatus.Filled, order.Status));
        foreach (var symbol in new[] { "BTCBUSD", "BTCUSD" })
        {
            Assert.True(result.Orders.Count(order => order.Request.Symbol == symbol) >= 10, $"expected {symbol} to trade");
            Assert.Contains(result.Trades, trade => trade.Symbol == symbol);
        }

        AssertFillsUseOnlyTheirOwnSymbolsBars(data, result);
    }

    [Fact]
    public void Run_StrategyThatAlwaysThrows_IsFaultedAfterFiveFailuresWhileTheRunCompletes()
    {
        var result = RunWith(new ThrowingStrategy(throwEvery: 1));

        Assert.Equal(5, result.StrategyFailures);
        Assert.True(result.StrategyFaulted);
        Assert.Equal(BinanceBars, result.BarsProcessed);
        Assert.Empty(result.Orders);
        Assert.Contains(result.Log, entry => entry.Level == "Error" && entry.Message.Contains("faulted after 5 consecutive failures", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_StrategyThatThrowsOnEverySecondBar_IsNeverFaultedBecauseFailuresAreNotConsecutive()
    {
        var result = RunWith(new ThrowingStrategy(throwEvery: 2));

        Assert.Equal(BinanceBars / 2, result.StrategyFailures); // bars 2, 4, …, 1,440
        Assert.False(result.StrategyFaulted);
        Assert.Equal(BinanceBars, result.BarsProcessed);
        Assert.NotEmpty(result.Orders); // its Long signals between failures are still acted on
    }

    private static BacktestResult RunWith(ThrowingStrategy strategy)
    {
        var catalog = ShippedCompositionBacktest.CreateCatalog();
        catalog.Register("throwing", () => strategy);
        var composition = ShippedCompositionBacktest.LoadComposition() with { Strategy = new PluginReference("throwing", PluginSettings.Empty) };
        return ShippedCompositionBacktest.Run(ShippedCompositionBacktest.LoadData(RepositoryPaths.BinanceBitcoinMinuteFile), composition, catalog);
    }

    private static void AssertFillsUseOnlyTheirOwnSymbolsBars(BacktestDataSet data, BacktestResult result)
    {
        var barStarts = data.Series.ToDictionary(series => series.Symbol, series => series.Bars.Select(bar => bar.StartTime).ToHashSet());
        foreach (var fill in result.Orders.SelectMany(order => order.Fills))
        {
            Assert.Contains(fill.Time, barStarts[fill.Symbol]);
        }
    }

    // The composition's 1 bp slippage moves the open against the order, then the price is rounded against it to the tick.
    private static decimal SlippedOpen(Bar bar, OrderSide side, decimal tick)
    {
        var move = bar.Open * 1m / 10_000m;
        return side == OrderSide.Buy
            ? Math.Ceiling((bar.Open + move) / tick) * tick
            : Math.Floor((bar.Open - move) / tick) * tick;
    }
}
