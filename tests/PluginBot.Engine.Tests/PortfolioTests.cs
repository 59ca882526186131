using PluginBot.Engine.Accounting;
using PluginBot.Engine.Tests.Infrastructure;

namespace PluginBot.Engine.Tests;

/// <summary>Cash, positions, realised P&amp;L and the daily reset, checked against hand-computed ledgers.</summary>
public sealed class PortfolioTests
{
    private const string Symbol = "BTCUSDT";

    [Fact]
    public void Apply_LongRoundTrip_RealisesTheGainAndMovesCashByProceedsMinusFees()
    {
        var portfolio = new Portfolio(10_000m);

        var openRealized = portfolio.Apply(TestFills.Buy(Symbol, 2m, 100m, fee: 0.2m));
        var closeRealized = portfolio.Apply(TestFills.Sell(Symbol, 2m, 110m, fee: 0.22m));

        // Realised 2 × (110 − 100) = 20. Cash 10,000 − 200 − 0.2 + 220 − 0.22 = 10,019.58.
        Assert.Equal(0m, openRealized);
        Assert.Equal(20m, closeRealized);
        Assert.Equal(20m, portfolio.RealizedProfitLoss);
        Assert.Equal(10_019.58m, portfolio.Cash);
        Assert.Equal(0.42m, portfolio.FeesPaid);
        Assert.True(portfolio.GetPosition(Symbol).IsFlat);
        Assert.Equal(0m, portfolio.GetPosition(Symbol).AveragePrice);
        Assert.Equal(10_019.58m, portfolio.Equity);
    }

    [Fact]
    public void Apply_ShortRoundTripWhilePriceFalls_RealisesAProfit()
    {
        var portfolio = new Portfolio(10_000m);

        portfolio.Apply(TestFills.Sell(Symbol, 3m, 50m));
        Assert.Equal(-3m, portfolio.GetPosition(Symbol).Quantity);
        Assert.Equal(10_150m, portfolio.Cash); // short sale proceeds: 10,000 + 3 × 50

        var realized = portfolio.Apply(TestFills.Buy(Symbol, 3m, 40m));

        // Realised 3 × (50 − 40) = 30. Cash 10,150 − 120 = 10,030.
        Assert.Equal(30m, realized);
        Assert.Equal(10_030m, portfolio.Cash);
        Assert.Equal(10_030m, portfolio.Equity);
    }

    [Fact]
    public void Apply_AddingToAPosition_AveragesTheEntryPrice()
    {
        var portfolio = new Portfolio(10_000m);

        portfolio.Apply(TestFills.Buy(Symbol, 1m, 100m));
        portfolio.Apply(TestFills.Buy(Symbol, 3m, 120m));

        // (1 × 100 + 3 × 120) / 4 = 460 / 4 = 115.
        var position = portfolio.GetPosition(Symbol);
        Assert.Equal(4m, position.Quantity);
        Assert.Equal(115m, position.AveragePrice);
    }

    [Fact]
    public void Apply_PartialReduce_RealisesOnlyTheClosedPartAndKeepsTheAverage()
    {
        var portfolio = new Portfolio(10_000m);
        portfolio.Apply(TestFills.Buy(Symbol, 4m, 100m));

        var realized = portfolio.Apply(TestFills.Sell(Symbol, 1m, 120m));

        // Realised 1 × (120 − 100) = 20; 3 left at 100. Cash 10,000 − 400 + 120 = 9,720.
        var position = portfolio.GetPosition(Symbol);
        Assert.Equal(20m, realized);
        Assert.Equal(3m, position.Quantity);
        Assert.Equal(100m, position.AveragePrice);
        Assert.Equal(9_720m, portfolio.Cash);
    }

    [Fact]
    public void Apply_SellingThroughZero_RealisesTheClosedLongAndOpensTheShortAtTheFillPrice()
    {
        var portfolio = new Portfolio(10_000m);
        portfolio.Apply(TestFills.Buy(Symbol, 2m, 100m));

        var realized = portfolio.Apply(TestFills.Sell(Symbol, 5m, 90m));

        // Closes 2 at a loss of 2 × (90 − 100) = −20, opens −3 at 90. Cash 10,000 − 200 + 450 = 10,250;
        // equity 10,250 − 3 × 90 = 9,980 = 10,000 − 20.
        var position = portfolio.GetPosition(Symbol);
        Assert.Equal(-20m, realized);
        Assert.Equal(-3m, position.Quantity);
        Assert.Equal(90m, position.AveragePrice);
        Assert.Equal(10_250m, portfolio.Cash);
        Assert.Equal(9_980m, portfolio.Equity);
    }

    [Fact]
    public void Apply_Fees_ReduceCashAndAreSummed()
    {
        var portfolio = new Portfolio(10_000m);

        portfolio.Apply(TestFills.Buy(Symbol, 1m, 100m, fee: 0.1m));
        portfolio.Apply(TestFills.Buy("ETHUSDT", 2m, 10m, fee: 0.02m));
        portfolio.Apply(TestFills.Sell(Symbol, 1m, 100m, fee: 0.1m));

        // Trading at unchanged prices leaves only the fees: 0.1 + 0.02 + 0.1 = 0.22. Cash 10,000 − 100 − 20 + 100 − 0.22.
        Assert.Equal(0.22m, portfolio.FeesPaid);
        Assert.Equal(9_979.78m, portfolio.Cash);
        Assert.Equal(0m, portfolio.RealizedProfitLoss);
    }

    [Fact]
    public void Equity_WithLongAndShortPositions_IsCashPlusPositionsMarkedToMarket()
    {
        var portfolio = new Portfolio(10_000m);
        portfolio.Apply(TestFills.Buy(Symbol, 2m, 100m));
        portfolio.Apply(TestFills.Sell("ETHUSDT", 4m, 50m));

        portfolio.Mark(Symbol, 130m);
        portfolio.Mark("ETHUSDT", 45m);

        // Cash 10,000 − 200 + 200 = 10,000; long 2 × 130 = 260; short −4 × 45 = −180. Equity 10,080.
        Assert.Equal(10_000m, portfolio.Cash);
        Assert.Equal(10_080m, portfolio.Equity);
        Assert.Equal(440m, portfolio.GrossExposure); // |260| + |−180|
        Assert.Equal(60m, portfolio.GetPosition(Symbol).UnrealizedProfitLoss); // 2 × (130 − 100)
        Assert.Equal(20m, portfolio.GetPosition("ETHUSDT").UnrealizedProfitLoss); // −4 × (45 − 50)
    }

    [Fact]
    public void Apply_WithAContractMultiplier_ScalesCashAndRealisedProfit()
    {
        var portfolio = new Portfolio(10_000m, _ => 0.1m);

        portfolio.Apply(TestFills.Buy(Symbol, 10m, 100m));
        var realized = portfolio.Apply(TestFills.Sell(Symbol, 10m, 120m));

        // 10 contracts × 20 points × 0.1 = 20 realised; cash 10,000 − 100 + 120.
        Assert.Equal(20m, realized);
        Assert.Equal(10_020m, portfolio.Cash);
    }

    [Fact]
    public void AdvanceTo_EventAtExactlyMidnight_StillBelongsToTheEndingDay()
    {
        var portfolio = new Portfolio(10_000m);
        portfolio.AdvanceTo(At(1, 23, 59));
        portfolio.Apply(TestFills.Buy(Symbol, 1m, 100m));
        portfolio.Mark(Symbol, 150m);

        // The bar closing at 00:00 on the 2nd is the last bar of the 1st.
        portfolio.AdvanceTo(At(2, 0, 0));
        portfolio.Mark(Symbol, 160m);

        // Day start is still the initial 10,000; equity 9,900 + 160 = 10,060.
        Assert.Equal(10_000m, portfolio.EquityAtDayStart);
        Assert.Equal(60m, portfolio.DailyProfitLoss);
    }

    [Fact]
    public void AdvanceTo_FirstEventAfterMidnight_ResetsTheDayStartToTheEquityAtThePreviousClose()
    {
        var portfolio = new Portfolio(10_000m);
        portfolio.AdvanceTo(At(1, 23, 59));
        portfolio.Apply(TestFills.Buy(Symbol, 1m, 100m));
        portfolio.AdvanceTo(At(2, 0, 0));
        portfolio.Mark(Symbol, 160m);

        // The bar closing 00:01 is the first of the 2nd: day start = equity at the 00:00 close = 9,900 + 160.
        portfolio.AdvanceTo(At(2, 0, 1));
        Assert.Equal(10_060m, portfolio.EquityAtDayStart);
        Assert.Equal(0m, portfolio.DailyProfitLoss);

        portfolio.Mark(Symbol, 170m);
        Assert.Equal(10m, portfolio.DailyProfitLoss); // 10,070 − 10,060
    }

    [Fact]
    public void AdvanceTo_LaterEventsOnTheSameDay_DoNotResetAgain()
    {
        var portfolio = new Portfolio(10_000m);
        portfolio.AdvanceTo(At(1, 12, 0));
        portfolio.Apply(TestFills.Buy(Symbol, 1m, 100m));
        portfolio.Mark(Symbol, 120m);
        portfolio.AdvanceTo(At(2, 0, 1));
        portfolio.Mark(Symbol, 90m);

        portfolio.AdvanceTo(At(2, 23, 59));

        // Day start was taken at 00:01 from the 120 close: 9,900 + 120 = 10,020; now 9,900 + 90 = 9,990.
        Assert.Equal(10_020m, portfolio.EquityAtDayStart);
        Assert.Equal(-30m, portfolio.DailyProfitLoss);
    }

    private static DateTime At(int day, int hour, int minute) => new(2024, 1, day, hour, minute, 0, DateTimeKind.Utc);
}
