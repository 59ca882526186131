using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using PluginBot.Engine.Accounting;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Exits;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Hosting;
using PluginBot.Plugins.FixedFractionSizer;
using PluginBot.Properties.Tests.Infrastructure;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;
using Xunit.Abstractions;
using static PluginBot.Properties.Tests.Infrastructure.ScenarioRun;

namespace PluginBot.Properties.Tests;

/// <summary>
/// Issue 8, exits: random price paths with gaps, random strategy signals and random exit policies (stops, trailing
/// stops, partial exits, take profits, scale-ins, time exits) through a real kernel. Whatever happens, an exit only
/// ever shrinks a position, no exit order works while the position is flat, a stop's loss is bounded by its distance
/// plus the gap beyond it, and every order keeps the instrument's rules.
/// </summary>
public sealed class ExitProperties(ITestOutputHelper output)
{
    private const string Prefix = "exits";
    private static readonly DateTime Start = new(2024, 3, 4, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Exits_RandomPathsSignalsAndPolicies_NeverGrowOrFlipAPositionAndStayBoundedAndLegal()
    {
        var coverage = new Coverage();
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(PropertyCheck.Sequences)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(8_101UL, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        Prop.ForAll(Arb.From(Cases()), (ExitCase exitCase) => Check(exitCase, coverage)).Check(config);

        output.WriteLine(coverage.ToString());
        coverage.AtLeast("stop fills", 2_000);
        coverage.AtLeast("stop fills through a gap", 300);
        coverage.AtLeast("partial or take-profit fills", 1_000);
        coverage.AtLeast("time exits", 300);
        coverage.AtLeast("scale-ins filled", 300);
        coverage.AtLeast("exit orders cancelled (replaced, flat or strategy first)", 1_000);
    }

    private static void Check(ExitCase exitCase, Coverage coverage)
    {
        var bars = exitCase.Path.Bars(Start, BarInterval.OneHour);
        var clock = new SimulatedClock();
        var portfolio = new Portfolio(10_000m);
        var exchange = new SimulatedExchange(clock, Instruments, portfolio, new SimulatedExchangeOptions
        {
            AllowShortSelling = exitCase.AllowShort,
            MaximumLeverage = exitCase.AllowShort ? 2m : 1m,
            Slippage = FixedBasisPointsSlippage.None,
        });
        var log = new List<LogEntry>();
        var sizer = new FixedFractionSizer();
        sizer.Initialize(new PluginContext(clock, portfolio, Instruments, new CollectingLogger(clock, "sizer", log),
            new PluginSettings(JsonDocument.Parse("""{ "fraction": 0.3 }""").RootElement.Clone(), "$.sizer.settings")));
        var trades = new TradeRecorder();
        var execution = new ExecutionEngine(clock, exchange, portfolio, trades, Instruments,
            new PluginSlot<IPositionSizer>("sizer", sizer, "1"), Array.Empty<PluginSlot<IRiskManager>>(),
            new ClientOrderIdGenerator(Prefix), exitCase.AllowShort, exitCase.Policy, new ClientOrderIdGenerator($"{Prefix}-exit"));
        var feed = new CheckingFeed(bars, execution, portfolio);
        var scripted = new ScriptedStrategy(exitCase.Script, []);
        scripted.Initialize(new PluginContext(clock, portfolio, Instruments, new CollectingLogger(clock, "script", log), PluginSettings.Empty));
        var strategy = new GuardedStrategy(scripted, new CollectingLogger(clock, "script", log));
        new TradingKernel(clock, feed, exchange, portfolio, trades, execution, strategy, new EquityRecorder(null)).Run();
        feed.CheckFlatMeansNoExitOrders();

        coverage.Count("runs with exit orders", execution.Orders.Any(IsExit));
        Assert.Equal(0, strategy.Failures);
        var barsByStart = bars.ToDictionary(bar => bar.StartTime);
        var references = execution.Decisions.Where(decision => decision.ClientOrderId is not null)
            .ToDictionary(decision => decision.ClientOrderId!, decision => decision.ReferencePrice, StringComparer.Ordinal);
        foreach (var order in execution.Orders)
        {
            CheckLegal(order, references[order.Request.ClientOrderId]);
            coverage.Count("exit orders cancelled (replaced, flat or strategy first)", IsExit(order) && order.Status == OrderStatus.Cancelled);
        }

        var position = 0m;
        var average = 0m;
        var stopFraction = exitCase.Policy.StopLoss?.Fraction;
        foreach (var fill in execution.Orders.SelectMany(order => order.Fills).OrderBy(fill => fill.TradeId))
        {
            var order = execution.Orders.First(record => record.Request.ClientOrderId == fill.ClientOrderId);
            var after = position + Signed(fill);
            if (IsExit(order))
            {
                Assert.True(Math.Abs(after) < Math.Abs(position) && Math.Sign(after) * Math.Sign(position) >= 0,
                    $"{fill.ClientOrderId} ({order.Request.Type}) moved the position from {position} to {after}");
                coverage.Count("partial or take-profit fills", order.Request.Type == OrderType.Limit);
                coverage.Count("time exits", order.Request.Type == OrderType.Market);
            }
            else
            {
                coverage.Count("scale-ins filled", position != 0 && Math.Sign(after) == Math.Sign(position) && Math.Abs(after) > Math.Abs(position));
            }

            if (order.Request.Type == OrderType.StopMarket)
            {
                CheckStopFill(order, fill, barsByStart[fill.Time], position, AverageWhenSent(execution, order), stopFraction, coverage);
            }

            (position, average) = (after, Average(position, average, fill));
        }

        _ = average;
        Assert.Equal(position, portfolio.GetPosition("BTCUSDT").Quantity);
    }

    // A stop fills at its price, or at the open when the bar gapped through it; with a fixed-fraction stop the level is never
    // looser than the fraction from the average entry it protected, so the loss per unit is at most that distance plus the gap.
    private static void CheckStopFill(OrderRecord order, Fill fill, Bar bar, decimal position, decimal average, decimal? fraction, Coverage coverage)
    {
        var stop = order.Request.StopPrice!.Value;
        var longPosition = position > 0;
        var gapped = longPosition ? bar.Open <= stop : bar.Open >= stop;
        Assert.Equal(gapped ? bar.Open : stop, fill.Price);
        coverage.Count("stop fills");
        coverage.Count("stop fills through a gap", gapped);
        if (fraction is not { } distance)
        {
            return;
        }

        var gap = gapped ? Math.Abs(stop - bar.Open) : 0m;
        var lossPerUnit = longPosition ? average - fill.Price : fill.Price - average;
        Assert.True(lossPerUnit <= (average * distance) + gap,
            $"{fill.ClientOrderId}: lost {lossPerUnit} per unit from the average {average}; the stop allows {average * distance} plus the gap {gap}");
    }

    private static void CheckLegal(OrderRecord order, decimal reference)
    {
        var request = order.Request;
        var price = request.LimitPrice ?? request.StopPrice ?? reference;
        Assert.True(request.Quantity % LotSize == 0m && request.Quantity >= LotSize, $"{request.ClientOrderId}: quantity {request.Quantity}");
        Assert.True(price % TickSize == 0m, $"{request.ClientOrderId}: price {price} is off the tick grid");
        Assert.True(request.Quantity * price >= MinimumNotional, $"{request.ClientOrderId}: notional {request.Quantity} × {price}");
        if (order.Status == OrderStatus.Rejected)
        {
            Assert.DoesNotContain(["lot size", "minimum", "tick size", "must be positive"], word => order.Reason!.Contains(word, StringComparison.Ordinal));
        }
    }

    // The average entry of the position the stop was sent for: every fill before the bar the stop was decided on closed.
    private static decimal AverageWhenSent(ExecutionEngine execution, OrderRecord stop)
    {
        var (position, average) = (0m, 0m);
        foreach (var fill in execution.Orders.SelectMany(order => order.Fills).Where(fill => fill.Time < stop.SentTime).OrderBy(fill => fill.TradeId))
        {
            (position, average) = (position + Signed(fill), Average(position, average, fill));
        }

        return average;
    }

    private static decimal Average(decimal position, decimal average, Fill fill)
    {
        var after = position + Signed(fill);
        if (after == 0)
        {
            return 0m;
        }

        if (position == 0 || Math.Sign(after) != Math.Sign(position))
        {
            return fill.Price;
        }

        return Math.Abs(after) > Math.Abs(position) ? ((average * Math.Abs(position)) + (fill.Price * fill.Quantity)) / Math.Abs(after) : average;
    }

    private static bool IsExit(OrderRecord order) => order.Request.ClientOrderId.StartsWith($"{Prefix}-exit-", StringComparison.Ordinal);

    private static Gen<ExitCase> Cases() =>
        from bars in Gen.Choose(30, 90)
        from start in Gen.Choose(2_000, 5_000_000)
        from steps in Gen.ArrayOf(Step(), bars)
        from script in Gen.ArrayOf(Gen.Frequency(
            (10, Gen.Constant(new ScriptedSignal(SignalDirection.Hold, 0))),
            (2, Gen.Constant(new ScriptedSignal(SignalDirection.Long, 100))),
            (1, Gen.Constant(new ScriptedSignal(SignalDirection.Short, 100))),
            (1, Gen.Constant(new ScriptedSignal(SignalDirection.Flat, 100)))), bars)
        from policy in Policies()
        from allowShort in Gen.Elements(true, false)
        select new ExitCase(new MarketPath("BTCUSDT", start, steps), script, policy, allowShort);

    // One bar in six opens far from the last close: the gaps stops must be judged by.
    private static Gen<PriceStep> Step() =>
        from open in Gen.Frequency((5, Gen.Choose(-20, 20)), (1, Gen.Choose(-800, 800)))
        from close in Gen.Choose(-250, 250)
        from high in Gen.Choose(0, 150)
        from low in Gen.Choose(0, 150)
        select new PriceStep(open, close, high, low, 1_000);

    private static Gen<ExitPolicy> Policies() =>
        from stop in Gen.Frequency((4, Gen.Choose(50, 600).Select(bps => (PriceDistance?)PriceDistance.OfFraction(bps / 10_000m))), (1, Gen.Constant<PriceDistance?>(null)))
        from trailing in Gen.Frequency((1, Gen.Constant<TrailingStopPolicy?>(null)),
            (1, from activation in Gen.Choose(0, 300) from trail in Gen.Choose(30, 400)
                select (TrailingStopPolicy?)new TrailingStopPolicy(activation / 10_000m, PriceDistance.OfFraction(trail / 10_000m))))
        from partials in Gen.Frequency((1, Gen.Constant(Array.Empty<ProfitTarget>())),
            (1, Gen.Constant(new[] { new ProfitTarget(0.03m, 0.25m), new ProfitTarget(0.06m, 0.25m), new ProfitTarget(0.10m, 0.5m) })),
            (1, from gain in Gen.Choose(50, 400) from part in Gen.Choose(10, 90) select new[] { new ProfitTarget(gain / 10_000m, part / 100m) }))
        from takeProfit in Gen.Frequency((1, Gen.Constant<decimal?>(null)), (1, Gen.Choose(1_100, 2_000).Select(bps => (decimal?)(bps / 10_000m))))
        from holding in Gen.Frequency((2, Gen.Constant<TimeSpan?>(null)), (1, Gen.Choose(2, 20).Select(hours => (TimeSpan?)TimeSpan.FromHours(hours))))
        from scaleIn in Gen.Frequency((1, Gen.Constant<ScaleInPolicy?>(null)),
            (1, from first in Gen.Choose(50, 300) from fraction in Gen.Choose(20, 100) from count in Gen.Choose(1, 2)
                select (ScaleInPolicy?)new ScaleInPolicy([first / 10_000m, 2 * first / 10_000m], fraction / 100m, count)))
        select new ExitPolicy
        {
            StopLoss = stop,
            TrailingStop = trailing,
            PartialExits = partials,
            TakeProfit = partials.Length > 0 && partials.Sum(target => target.Fraction) >= 1m ? null : takeProfit,
            MaximumHoldingPeriod = holding,
            ScaleIn = scaleIn,
        };

    /// <summary>One generated run: a price path with gaps, one signal per bar, an exit policy and the account type.</summary>
    internal sealed record ExitCase(MarketPath Path, ScriptedSignal[] Script, ExitPolicy Policy, bool AllowShort)
    {
        /// <inheritdoc />
        public override string ToString() =>
            $"short {AllowShort}, stop {Policy.StopLoss?.Fraction}, trailing {Policy.TrailingStop}, partials [{string.Join(", ", Policy.PartialExits)}], " +
            $"take profit {Policy.TakeProfit}, holding {Policy.MaximumHoldingPeriod}, scale-in {Policy.ScaleIn?.FractionOfInitial}×{Policy.ScaleIn?.MaximumCount}, " +
            $"start {Path.StartCents}, steps [{string.Join(" ", Path.Steps.Select(step => $"{step.OpenMove}/{step.CloseMove}/{step.HighExtra}/{step.LowExtra}"))}], " +
            $"script [{string.Join(" ", Script)}]";
    }

    /// <summary>Between every two bars (after the kernel finished one), checks that a flat position has no exit order working.</summary>
    private sealed class CheckingFeed(Bar[] bars, ExecutionEngine execution, Portfolio portfolio) : IBarFeed
    {
        private int index;

        public long? RemainingCount => bars.Length - index;

        public bool TryRead(out Bar bar)
        {
            if (index > 0)
            {
                CheckFlatMeansNoExitOrders();
            }

            if (index == bars.Length)
            {
                bar = default;
                return false;
            }

            bar = bars[index++];
            return true;
        }

        public void CheckFlatMeansNoExitOrders()
        {
            if (portfolio.GetPosition("BTCUSDT").Quantity != 0)
            {
                return;
            }

            var working = execution.Orders.FirstOrDefault(order => IsExit(order) && !order.Status.IsFinal());
            Assert.True(working is null, $"exit order {working?.Request.ClientOrderId} is still working while the position is flat");
        }
    }
}
