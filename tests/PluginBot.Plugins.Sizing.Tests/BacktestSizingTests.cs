using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Feeds;
using PluginBot.Plugins.Sizing.Tests.Infrastructure;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Plugins.Sizing.Tests;

// Inside the namespace: PluginBot.Plugins.<Name> is also a namespace, which would otherwise hide the class.
using ConfidenceWeightedSizer = global::PluginBot.Plugins.ConfidenceSizer.ConfidenceWeightedSizer;
using FixedFractionSizer = global::PluginBot.Plugins.FixedFractionSizer.FixedFractionSizer;
using KellySizer = global::PluginBot.Plugins.KellySizer.KellySizer;
using VolatilityTargetSizer = global::PluginBot.Plugins.VolatilityTargetSizer.VolatilityTargetSizer;

/// <summary>Each sizer driving a real backtest session against Binance's BTCUSDT rules.</summary>
public sealed class BacktestSizingTests
{
    private const int Bars = 3_000;
    private static readonly DateTime Origin = new(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("kelly", """{ "minimumTrades": 5, "window": 20 }""", 10_000)]
    [InlineData("volatility-target", "{}", 10_000)]
    [InlineData("confidence-weighted", "{}", 10_000)]
    [InlineData("confidence-weighted", """{ "fraction": 0.1 }""", 100)]
    [InlineData("fixed-fraction", "{}", 10_000)]
    public void Run_EverySizer_SendsOnlyWholeLotsAtOrAboveTheMinimumNotional(string sizerId, string settings, int initialCash)
    {
        var session = Session(sizerId, settings, initialCash);

        var result = session.Run();

        Assert.NotEmpty(result.Orders);
        var decisionsByOrder = result.Decisions.Where(d => d.ClientOrderId is not null).ToDictionary(d => d.ClientOrderId!);
        Assert.All(result.Orders, order =>
        {
            var quantity = order.Request.Quantity;
            Assert.True(quantity > 0, $"order {order.Request.ClientOrderId} has quantity {quantity}");
            Assert.Equal(0m, quantity % Sizers.Bitcoin.LotSize);
            var decision = decisionsByOrder[order.Request.ClientOrderId];
            Assert.True(quantity * decision.ReferencePrice >= Sizers.Bitcoin.MinimumNotional,
                $"order {order.Request.ClientOrderId}: {quantity} × {decision.ReferencePrice} is below the 5 USDT minimum");

            // A size the account cannot pay for would come back rejected; every size must be affordable.
            Assert.NotEqual(OrderStatus.Rejected, order.Status);
        });
    }

    [Fact]
    public void Run_SmallAccountWithConfidenceWeighting_RecordsWhyTooSmallOrdersWereNotSent()
    {
        var result = Session("confidence-weighted", """{ "fraction": 0.1 }""", 100).Run();

        // 0.1 × confidence × 100 USDT is 1 to 9 USDT: at 0.5 confidence or less it is under the 5 USDT minimum
        // (0.5 gives 5 USDT before rounding down to the lot), and at 0.1 under the minimum confidence.
        // From a flat position nothing is sent; from a held one the old side is still closed (target 0).
        Assert.Contains(result.Decisions, d => d.Outcome == DecisionOutcome.NotSized
            && d.Reason!.Contains("below the minimum notional 5 for BTCUSDT", StringComparison.Ordinal));
        Assert.Contains(result.Decisions, d => d.TargetPosition == 0
            && d.Reason?.Contains("confidence 0.1 is below the minimum confidence 0.2", StringComparison.Ordinal) == true);
        Assert.Contains(result.Decisions, d => d.Outcome == DecisionOutcome.OrderSent && d.TargetPosition != 0);
    }

    [Fact]
    public void Run_Kelly_ReplacesItsPriorsWithTheTradesTheSessionCloses()
    {
        var session = Session("kelly", """{ "minimumTrades": 5, "window": 20 }""", 10_000);

        var result = session.Run();

        // Decisions alternate long and short, so each flip closes a trade the sizer sees at its next call. After five
        // it sizes from them; on this random walk (no edge) the estimate turns negative, the position is closed, and
        // with no new trades to learn from the sizer stays out: the known limit of learning only from its own trades.
        var sizer = Assert.IsType<KellySizer>(session.SizerSlot.Current);
        Assert.True(sizer.TradesObserved >= 5, $"only {sizer.TradesObserved} trades observed");
        var firstNoEdge = result.Decisions.First(d => d.Reason?.Contains("the edge is not positive", StringComparison.Ordinal) == true);
        Assert.Contains("closed trades) f* = W − (1 − W) / R = -", firstNoEdge.Reason);
        Assert.Equal(0m, firstNoEdge.TargetPosition);
        Assert.All(result.Decisions.Where(d => d.Time > firstNoEdge.Time), d => Assert.Equal(DecisionOutcome.NotSized, d.Outcome));
    }

    private static BacktestSession Session(string sizerId, string settings, int initialCash)
    {
        var catalog = new PluginCatalog();
        catalog.Register("alternating", () => new AlternatingStrategy());
        catalog.Register("kelly", () => new KellySizer());
        catalog.Register("volatility-target", () => new VolatilityTargetSizer());
        catalog.Register("confidence-weighted", () => new ConfidenceWeightedSizer());
        catalog.Register("fixed-fraction", () => new FixedFractionSizer());
        var composition = new StrategyComposition
        {
            Name = "sizing",
            SourcePath = "(test)",
            Strategy = new PluginReference("alternating", Sizers.Settings("{}")),
            Sizer = new PluginReference(sizerId, Sizers.Settings(settings)),
            AllowShort = true,
        };
        var options = new BacktestOptions
        {
            InitialCash = initialCash,
            Instruments = new InstrumentCatalog([Sizers.Bitcoin]),
            Interval = BarInterval.OneMinute,
        };
        var feed = new RandomWalkBarFeed(Sizers.Symbol, BarInterval.OneMinute, Origin, Bars, seed: 7);
        return new BacktestSession(composition, catalog, feed, options);
    }
}
