using PluginBot.Engine.Accounting;
using PluginBot.Engine.Backtest;
using PluginBot.Engine.Clock;
using PluginBot.Engine.Exchange;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Tests.Infrastructure;

/// <summary>
/// A simulated exchange wired the way the kernel wires it: the clock moves to a bar's close before the exchange sees
/// the bar, so an order submitted between two <see cref="Feed"/> calls is stamped with the last bar's close.
/// </summary>
internal sealed class ExchangeHarness
{
    public const string Symbol = "BTCUSDT";

    /// <summary>Binance-like spot rules: cent ticks, 0.00001 lots, 10 USDT minimum order value.</summary>
    public static readonly InstrumentRules Rules = new(Symbol, "USDT", tickSize: 0.01m, lotSize: 0.00001m, minimumQuantity: 0.00001m, minimumNotional: 10m);

    public ExchangeHarness(SimulatedExchangeOptions? options = null, decimal initialCash = 100_000m)
    {
        Portfolio = new Portfolio(initialCash);
        Sink = new RecordingExecutionSink(Portfolio);
        Exchange = new SimulatedExchange(Clock, new InstrumentCatalog([Rules]), Portfolio, options ?? new SimulatedExchangeOptions());
        Exchange.Attach(Sink);
    }

    public SimulatedClock Clock { get; } = new();

    public Portfolio Portfolio { get; }

    public RecordingExecutionSink Sink { get; }

    public SimulatedExchange Exchange { get; }

    /// <summary>Delivers a closed bar: the clock moves to its close, then the exchange trades working orders against it.</summary>
    public void Feed(Bar bar)
    {
        Clock.AdvanceTo(bar.EndTime);
        Exchange.OnBar(in bar);
        Portfolio.Mark(bar.Symbol, bar.Close);
    }

    public void Submit(OrderRequest order) => Exchange.Submit(order);
}
