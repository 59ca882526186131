using PluginBot.Engine.Exchange;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Engine.Backtest;

/// <summary>Everything about a backtest that is not the strategy: money, costs, instruments and recording.</summary>
public sealed record BacktestOptions
{
    /// <summary>Starting cash in the quote currency.</summary>
    public decimal InitialCash { get; init; } = 10_000m;

    /// <summary>Fees, slippage and latency of the simulated exchange (its account limits come from the composition).</summary>
    public SimulatedExchangeOptions Exchange { get; init; } = new();

    /// <summary>Trading rules per symbol.</summary>
    public required IInstrumentCatalog Instruments { get; init; }

    /// <summary>The bar interval of the data; sets the return period for Sharpe and Sortino annualisation.</summary>
    public required BarInterval Interval { get; init; }

    /// <summary>How often the stored equity curve keeps a point; null keeps one per bar time.</summary>
    public TimeSpan? EquitySamplingPeriod { get; init; }

    /// <summary>Where the inputs came from, for results.json; null when the caller built the run in code.</summary>
    public BacktestProvenance? Provenance { get; init; }

    /// <summary>How returns are annualised; crypto (365.25 days of 24 hours) by default.</summary>
    public Annualization Annualization { get; init; } = Annualization.Crypto;

    /// <summary>
    /// When set, bars closing before this time only warm the strategy up (its signals are ignored and no equity is
    /// sampled): the training part of a walk-forward fold, so the test window starts with warmed-up indicators and
    /// learned expert weights but flat.
    /// </summary>
    public DateTime? TradingStartsAt { get; init; }

    /// <summary>
    /// While this returns true the bar in hand only warms the strategy up (its signal is ignored): a resumed live run
    /// replays the bars its previous run handled this way. Null: never.
    /// </summary>
    public Func<bool>? IsWarmingUp { get; init; }

    /// <summary>
    /// Wraps the simulated exchange before the execution engine attaches to it: a live host records every order,
    /// state change and fill through a decorator here before the engine acts on it.
    /// </summary>
    public Func<IExchangeAdapter, IClock, IExchangeAdapter>? WrapExchange { get; init; }

    /// <summary>
    /// The last client-order-id sequence number a previous run of this strategy used, so a resumed run never reuses an id.
    /// </summary>
    public long LastClientOrderSequence { get; init; }

    /// <summary>The same for the exit orders' own sequence.</summary>
    public long LastExitOrderSequence { get; init; }

    /// <summary>Return periods per year for Sharpe, Sortino and volatility, from <see cref="Annualization"/>.</summary>
    public double PeriodsPerYear => Annualization.PeriodsPerYear(Interval);
}
