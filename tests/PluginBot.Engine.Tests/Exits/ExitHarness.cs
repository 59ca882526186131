using PluginBot.Engine.Accounting;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Exchange;
using PluginBot.Engine.Execution;
using PluginBot.Engine.Exits;
using PluginBot.Engine.Feeds;
using PluginBot.Engine.Hosting;
using PluginBot.Engine.Tests.Infrastructure;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Tests.Exits;

/// <summary>
/// A real kernel (simulated clock, exchange with Binance-like rules, execution engine with an exit policy) fed
/// hand-written bars, with a strategy that plays a script of signals by bar index and a sizer that always asks for
/// the same quantity, so every expected price and quantity can be worked out by hand.
/// </summary>
internal sealed class ExitHarness
{
    public const string Symbol = ExchangeHarness.Symbol;

    public ExitHarness(ExitPolicy policy, IReadOnlyDictionary<int, Signal> script, decimal quantity = 1m, bool allowShort = true)
    {
        Clock = new SimulatedClock();
        var instruments = new InstrumentCatalog([ExchangeHarness.Rules]);
        Portfolio = new Portfolio(1_000_000m);
        Exchange = new SimulatedExchange(Clock, instruments, Portfolio, new SimulatedExchangeOptions { AllowShortSelling = allowShort });
        Trades = new TradeRecorder();
        Execution = new ExecutionEngine(Clock, Exchange, Portfolio, Trades, instruments,
            new PluginSlot<IPositionSizer>("sizer", new FixedQuantitySizer(quantity), "test"), Array.Empty<PluginSlot<IRiskManager>>(),
            new ClientOrderIdGenerator("entry"), allowShort, policy, new ClientOrderIdGenerator("exit"));
        Strategy = new ScriptStrategy(script);
    }

    public SimulatedClock Clock { get; }

    public Portfolio Portfolio { get; }

    public SimulatedExchange Exchange { get; }

    public TradeRecorder Trades { get; }

    public ExecutionEngine Execution { get; }

    public ScriptStrategy Strategy { get; }

    /// <summary>Every fill in booking order.</summary>
    public IReadOnlyList<Sdk.Orders.Fill> Fills => Execution.Orders.SelectMany(order => order.Fills).OrderBy(fill => fill.TradeId).ToList();

    /// <summary>The exit orders sent, in sending order.</summary>
    public IReadOnlyList<OrderRecord> ExitOrders => Execution.Orders.Where(order => order.Request.ClientOrderId.StartsWith("exit-", StringComparison.Ordinal)).ToList();

    public ExitHarness Run(params Bar[] bars)
    {
        var log = new List<LogEntry>();
        var kernel = new TradingKernel(Clock, new ArrayBarFeed(bars), Exchange, Portfolio, Trades, Execution,
            new GuardedStrategy(Strategy, new CollectingLogger(Clock, "script", log)), new EquityRecorder(null));
        kernel.Run();
        return this;
    }

    /// <summary>A one-minute bar <paramref name="minute"/> minutes after the test origin.</summary>
    public static Bar Bar(int minute, decimal open, decimal high, decimal low, decimal close) =>
        TestBars.Minute(Symbol, minute, open, high, low, close);

    /// <summary>A script: a signal on the bars given, Hold on every other bar.</summary>
    public static Dictionary<int, Signal> Script(params (int Bar, Signal Signal)[] entries) => entries.ToDictionary(entry => entry.Bar, entry => entry.Signal);

    /// <summary>Plays signals by bar index.</summary>
    internal sealed class ScriptStrategy(IReadOnlyDictionary<int, Signal> script) : IStrategy
    {
        private int index;

        public void Initialize(IPluginContext context)
        {
        }

        public Signal OnBar(in Bar bar) => script.TryGetValue(index++, out var signal) ? signal : Signal.Hold;
    }

    /// <summary>Always the same quantity, so exits can be checked against hand-computed sizes.</summary>
    private sealed class FixedQuantitySizer(decimal quantity) : IPositionSizer
    {
        public void Initialize(IPluginContext context)
        {
        }

        public SizingResult Size(in SizingRequest request) => SizingResult.Of(quantity);
    }
}
