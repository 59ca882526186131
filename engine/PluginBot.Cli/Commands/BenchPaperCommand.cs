using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Composition;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Live;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot bench paper</c>: the paper environment's reaction time. Each bar is released by the paper host's
/// replay feed (speed 0: no pacing) and timed until the order it causes reaches the exchange adapter (event → order
/// intent), and until the engine asks for the next bar (the whole step). Experts are hot-swapped every so many bars
/// and the steps that applied a swap are timed apart (cutover, including the new version's warm-up).
/// </summary>
internal static class BenchPaperCommand
{
    public static Command Create()
    {
        var bars = new Option<int>("--bars") { Description = "Bars to replay", DefaultValueFactory = _ => 200_000 };
        var strategy = new Option<string>("--strategy") { Description = "Composition with experts", DefaultValueFactory = _ => Path.Combine("strategies", "regime-moe.json") };
        var swapEvery = new Option<int>("--swap-every") { Description = "Request an expert swap every this many bars", DefaultValueFactory = _ => 2_000 };
        var command = new Command("paper", "Benchmark event → order latency and swap cutover in the paper environment") { bars, strategy, swapEvery };
        command.SetAction(parse => Run(parse.GetValue(bars), parse.GetValue(strategy)!, parse.GetValue(swapEvery)));
        return command;
    }

    private static int Run(int barCount, string compositionPath, int swapEvery)
    {
        if (barCount < 10_000 || swapEvery < 100)
        {
            throw new ArgumentException("--bars: expected at least 10000; --swap-every: expected at least 100");
        }

        var composition = StrategyCompositionLoader.Load(compositionPath) with { Name = "bench" };
        if (composition.Committee is not { } committee)
        {
            throw new ArgumentException($"--strategy: {compositionPath} has no experts; the benchmark swaps experts");
        }

        var (host, catalog) = PluginLoading.Load([], quiet: true);
        using var pluginHost = host;
        var rules = new InstrumentRules("BTCUSDT", "USDT", 0.01m, 0.00001m, 0.00001m, 10m);
        var actions = new EngineActionQueue();
        var timing = new TimingFeed(new PacedReplayFeed(
            new RandomWalkBarFeed("BTCUSDT", BarInterval.OneMinute, new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), barCount, seed: 42),
            speed: 0, TimeProvider.System, actions, CancellationToken.None));
        var exchangeTiming = new List<double>();
        var options = new BacktestOptions
        {
            InitialCash = 100_000m,
            Exchange = new SimulatedExchangeOptions { Fees = new FeeSchedule(0m, 0m) },
            Instruments = new InstrumentCatalog([rules]),
            Interval = BarInterval.OneMinute,
            WrapExchange = (inner, _) => new TimingExchange(inner, timing, exchangeTiming),
        };
        var session = new BacktestSession(composition, catalog, timing, options);
        var expert = committee.Experts[0].Plugin.PluginId;
        var factory = catalog.FactoryFor(expert);
        timing.EveryBar = index =>
        {
            if (index > 0 && index % swapEvery == 0)
            {
                session.RequestSwap(expert, factory, catalog.VersionOf(expert), _ => timing.MarkSwap());
            }
        };

        var wall = Stopwatch.StartNew();
        var result = session.Run();
        wall.Stop();
        var steps = timing.StepMicroseconds;
        var swapSteps = timing.SwapStepMicroseconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"paper environment, {composition.Committee.Experts.Count} experts{(composition.Committee.Regime is null ? string.Empty : " + regime detector")} from {compositionPath}, {result.BarsProcessed:N0} bars in {wall.Elapsed.TotalSeconds:0.00} s, {exchangeTiming.Count:N0} orders"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"event → order intent (bar released → order at the exchange adapter): p50 {Percentiles.Of(exchangeTiming, 0.5):0.0} µs, p99 {Percentiles.Of(exchangeTiming, 0.99):0.0} µs, max {exchangeTiming.DefaultIfEmpty(double.NaN).Max():0.0} µs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"whole step per bar (fills, marking, risk, regime, experts, committee, execution): p50 {Percentiles.Of(steps, 0.5):0.0} µs, p99 {Percentiles.Of(steps, 0.99):0.0} µs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"swap cutover ({swapSteps.Count} expert swaps; the step that built, initialised, warmed up on up to 1,000 bars and swapped in the new instance): p50 {Percentiles.Of(swapSteps, 0.5) / 1000:0.000} ms, p99 {Percentiles.Of(swapSteps, 0.99) / 1000:0.000} ms"));
        return 0;
    }

    /// <summary>Times each bar from its release to the engine's next read.</summary>
    private sealed class TimingFeed(IBarFeed inner) : IBarFeed
    {
        private long released;
        private int index;
        private bool swapInStep;

        public List<double> StepMicroseconds { get; } = new(1 << 20);

        public List<double> SwapStepMicroseconds { get; } = [];

        public Action<int>? EveryBar { get; set; }

        public long LastRelease => released;

        public long? RemainingCount => inner.RemainingCount;

        public void MarkSwap() => swapInStep = true;

        public bool TryRead(out Bar bar)
        {
            var now = Stopwatch.GetTimestamp();
            if (released != 0)
            {
                var micros = Stopwatch.GetElapsedTime(released, now).TotalMicroseconds;
                (swapInStep ? SwapStepMicroseconds : StepMicroseconds).Add(micros);
                swapInStep = false;
            }

            EveryBar?.Invoke(index++);
            var read = inner.TryRead(out bar);
            released = Stopwatch.GetTimestamp();
            return read;
        }
    }

    /// <summary>Times each order from its bar's release to its arrival at the adapter.</summary>
    private sealed class TimingExchange(IExchangeAdapter inner, TimingFeed feed, List<double> latencies) : IExchangeAdapter
    {
        public string Name => inner.Name;

        public void Attach(IExecutionEventSink sink) => inner.Attach(sink);

        public void Submit(OrderRequest order)
        {
            latencies.Add(Stopwatch.GetElapsedTime(feed.LastRelease).TotalMicroseconds);
            inner.Submit(order);
        }

        public void Cancel(string clientOrderId) => inner.Cancel(clientOrderId);
    }
}
