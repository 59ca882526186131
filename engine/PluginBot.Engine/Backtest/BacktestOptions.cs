using PluginBot.Engine.Exchange;
using PluginBot.Sdk.Instruments;
using PluginBot.Sdk.Market;

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

    /// <summary>Return periods per year for Sharpe, Sortino and volatility, from <see cref="Annualization"/>.</summary>
    public double PeriodsPerYear => Annualization.PeriodsPerYear(Interval);
}
