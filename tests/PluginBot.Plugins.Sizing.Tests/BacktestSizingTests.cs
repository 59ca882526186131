using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Feeds;
using PluginBot.Indicators;
using PluginBot.Plugins.Sizing.Tests.Infrastructure;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Plugins.Sizing.Tests;

// Inside the namespace: PluginBot.Plugins.<Name> is also a namespace, which would otherwise hide the class.
using ConfidenceWeightedSizer = global::PluginBot.Plugins.ConfidenceSizer.ConfidenceWeightedSizer;
using FixedFractionSizer = global::PluginBot.Plugins.FixedFractionSizer.FixedFractionSizer;
using KellySizer = global::PluginBot.Plugins.KellySizer.KellySizer;
using RegimeAdaptiveSizer = global::PluginBot.Plugins.RegimeAdaptiveSizer.RegimeAdaptiveSizer;
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
    [InlineData("regime-adaptive", "{}", 10_000)]
    [InlineData("regime-adaptive", """{ "fraction": 0.1 }""", 100)]
    [InlineData("volatility-target", """{ "atrPeriod": 14, "maximumFraction": 0.9 }""", 10_000)]
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

    [Fact]
    public void Run_VolatilityTargetWithAtr_WaitsForTheAtrThenSizesOverItsOwnMeasure()
    {
        // A minute ATR is a few hundredths of a percent of the price, so risking 0.03 % of equity per stop keeps the
        // fraction under the 0.9 cap: the measured ATR decides the size.
        var result = Session("volatility-target", """{ "atrPeriod": 14, "riskFraction": 0.0003, "maximumFraction": 0.9 }""", 10_000).Run();

        // The first decision comes on bar 10: the ATR has seen 10 of 14 bars, so nothing is sized (and nothing sent).
        var first = result.Decisions[0];
        Assert.Equal(DecisionOutcome.NotSized, first.Outcome);
        Assert.Equal("volatility target: the ATR(14) of BTCUSDT is warming up (10 of 14 bars seen), so there is no stop distance to size against yet", first.Reason);

        // The second, on bar 20 (a short from flat, cash 10,000): 0.0003 of equity over a stop 2 × ATR(14) away, with
        // the ATR measured here from the same seeded bars.
        var atr = new AverageTrueRange(14);
        var feed = new RandomWalkBarFeed(Sizers.Symbol, BarInterval.OneMinute, Origin, 2 * AlternatingStrategy.Period, seed: 7);
        var close = 0m;
        while (feed.TryRead(out var bar))
        {
            atr.Update(BarSample.From(in bar));
            close = bar.Close;
        }

        var fraction = 0.0003m / (2m * (decimal)atr.Value / close);
        Assert.InRange(fraction, 0.05m, 0.9m);
        var second = result.Decisions[1];
        Assert.Equal(DecisionOutcome.OrderSent, second.Outcome);
        Assert.Equal(close, second.ReferencePrice);
        Assert.Equal(-Sizers.Bitcoin.RoundQuantityDown(10_000m * fraction / close), second.TargetPosition);
        Assert.True(second.TargetPosition < 0m);
    }

    private static BacktestSession Session(string sizerId, string settings, int initialCash)
    {
        var catalog = new PluginCatalog();
        catalog.Register("alternating", () => new AlternatingStrategy());
        catalog.Register("kelly", () => new KellySizer());
        catalog.Register("volatility-target", () => new VolatilityTargetSizer());
        catalog.Register("confidence-weighted", () => new ConfidenceWeightedSizer());
        catalog.Register("fixed-fraction", () => new FixedFractionSizer());
        catalog.Register("regime-adaptive", () => new RegimeAdaptiveSizer());
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
        // The engine shows every closed bar to the sizer (IPositionSizer.Observe) before the strategy decides.
        var feed = new RandomWalkBarFeed(Sizers.Symbol, BarInterval.OneMinute, Origin, Bars, seed: 7);
        return new BacktestSession(composition, catalog, feed, options);
    }
}
