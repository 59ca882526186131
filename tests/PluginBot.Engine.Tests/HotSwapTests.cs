using System.Text.Json;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Hosting;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Plugins.FixedFractionSizer;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Tests;

public sealed class HotSwapTests
{
    private const int Bars = 400;
    private const int SwapAtBar = 150;

    [Fact]
    public void RequestSwap_DuringARun_EveryBarIsHandledExactlyOnceAndDecisionsFollowTheVersion()
    {
        var v1 = new CountingStrategy("v1");
        var v2 = new CountingStrategy("v2");
        SwapOutcome<IStrategy>? outcome = null;
        BacktestSession? session = null;
        var feed = new CallbackFeed(Feed(), SwapAtBar, () =>
        {
            session!.Initialize(v2, new PluginReference("counting", PluginSettings.Empty));
            session.StrategySlot.RequestSwap(v2, "2.0.0", done => outcome = done);
        });
        session = Session(v1, feed);

        var result = session.Run();

        // v1 handled the bars before the swap; v2 was warmed up on those same bars (signals ignored), then handled
        // the rest: together the live calls cover every bar once, in order.
        Assert.Equal(Bars, result.BarsProcessed);
        Assert.Equal(SwapAtBar, v1.SeenTimes.Count);
        Assert.Equal(v1.SeenTimes, v2.SeenTimes.Take(SwapAtBar));
        var live = v1.SeenTimes.Concat(v2.SeenTimes.Skip(SwapAtBar)).ToList();
        Assert.Equal(Bars, live.Count);
        Assert.Equal(Enumerable.Range(0, Bars).Select(minute => TestBars.Origin.AddMinutes(minute)), live);
        var swap = Assert.Single(result.Swaps);
        Assert.True(swap.Succeeded);
        Assert.Equal(("1.0.0", "2.0.0"), (swap.FromVersion, swap.ToVersion));
        Assert.Same(v1, outcome!.Retired);
        Assert.All(result.Decisions.Where(d => d.Time <= swap.Time), d => Assert.Equal("1.0.0", d.StrategyVersion));
        Assert.All(result.Decisions.Where(d => d.Time > swap.Time), d => Assert.Equal("2.0.0", d.StrategyVersion));
        Assert.Contains(result.Decisions, d => d.StrategyVersion == "2.0.0");
        Assert.Contains(result.Decisions, d => d.StrategyVersion == "1.0.0");
    }

    [Fact]
    public void RequestSwap_ReplacementThatThrowsInWarmUp_KeepsTheOldVersionRunning()
    {
        var v1 = new CountingStrategy("v1");
        var broken = new CountingStrategy("broken") { ThrowOnBar = true };
        BacktestSession? session = null;
        var feed = new CallbackFeed(Feed(), SwapAtBar, () => session!.StrategySlot.RequestSwap(broken, "2.0.0-broken"));
        session = Session(v1, feed);

        var result = session.Run();

        var swap = Assert.Single(result.Swaps);
        Assert.False(swap.Succeeded);
        Assert.Contains("warm-up threw System.InvalidOperationException: broken cannot handle bars", swap.Error);
        Assert.Contains("   at ", swap.Error);
        Assert.Equal(Bars, v1.SeenTimes.Count);
        Assert.Equal("1.0.0", session.StrategySlot.CurrentVersion);
        Assert.False(result.StrategyFaulted);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RequestSwap_StrategiesThatCarryState_HandOverTheirStateOrStartFreshAndSaySo(bool accept)
    {
        var v1 = new StatefulStrategy(acceptState: true);
        var v2 = new StatefulStrategy(acceptState: accept);
        BacktestSession? session = null;
        var feed = new CallbackFeed(Feed(), SwapAtBar, () => session!.StrategySlot.RequestSwap(v2, "2.0.0"));
        session = Session(v1, feed);

        var result = session.Run();

        var swap = Assert.Single(result.Swaps);
        Assert.True(swap.Succeeded);
        if (accept)
        {
            // v1 counted 150 bars and handed the count over; v2 counted the remaining 250 on top of it.
            Assert.StartsWith("state carried", swap.Note);
            Assert.Equal(Bars, v2.BarsCounted);
        }
        else
        {
            // Declined: v2 started from zero and was warmed up on the 150 bars the kernel remembers instead.
            Assert.Equal("the new version declined the saved state; started fresh, warmed up on 150 bars", swap.Note);
            Assert.Equal(Bars, v2.BarsCounted);
            Assert.Equal(0, v2.RestoredCount);
        }
    }

    private static BacktestSession Session(IStrategy initial, IBarFeed feed)
    {
        var catalog = new PluginCatalog();
        catalog.Register("counting", () => initial, "1.0.0");
        catalog.Register("fixed-fraction", () => new FixedFractionSizer());
        var composition = new StrategyComposition
        {
            Name = "swap",
            SourcePath = "(test)",
            Strategy = new PluginReference("counting", PluginSettings.Empty),
            Sizer = new PluginReference("fixed-fraction", PluginSettings.Empty),
        };
        var options = new BacktestOptions
        {
            Instruments = new InstrumentCatalog([InstrumentRules.Permissive("TEST")]),
            Interval = BarInterval.OneMinute,
        };
        return new BacktestSession(composition, catalog, feed, options);
    }

    private static RandomWalkBarFeed Feed() => new("TEST", BarInterval.OneMinute, TestBars.Origin, Bars, seed: 3);

    /// <summary>Counts bars and carries the count to its next version when both sides accept.</summary>
    private sealed class StatefulStrategy(bool acceptState) : IStrategy, IStateCarrier
    {
        public int BarsCounted { get; private set; }

        public int RestoredCount { get; private set; }

        public void Initialize(IPluginContext context)
        {
        }

        public Signal OnBar(in Bar bar)
        {
            BarsCounted++;
            return Signal.Hold;
        }

        public void SaveState(StrategyState state)
        {
            state.Layout = 1;
            state.SetNumber("bars", BarsCounted);
        }

        public bool RestoreState(StrategyState state)
        {
            if (!acceptState || state.Layout != 1 || !state.TryGetNumber("bars", out var bars))
            {
                return false;
            }

            BarsCounted = RestoredCount = (int)bars;
            return true;
        }
    }

    /// <summary>Long on even minutes, flat on odd ones (so decisions are plentiful); records every bar it is given.</summary>
    private sealed class CountingStrategy(string name) : IStrategy
    {
        public bool ThrowOnBar { get; init; }

        public List<DateTime> SeenTimes { get; } = [];

        public void Initialize(IPluginContext context)
        {
        }

        public Signal OnBar(in Bar bar)
        {
            if (ThrowOnBar)
            {
                throw new InvalidOperationException($"{name} cannot handle bars");
            }

            SeenTimes.Add(bar.StartTime);
            return bar.StartTime.Minute % 2 == 0 ? Signal.Long() : Signal.Flat();
        }
    }

    /// <summary>Passes bars through and calls <c>onBar</c> just before handing out bar number <c>atBar</c> (0-based), as another thread's request would land.</summary>
    private sealed class CallbackFeed(IBarFeed inner, int atBar, Action onBar) : IBarFeed
    {
        private int handedOut;

        public long? RemainingCount => inner.RemainingCount;

        public bool TryRead(out Bar bar)
        {
            if (handedOut++ == atBar)
            {
                onBar();
            }

            return inner.TryRead(out bar);
        }
    }
}
