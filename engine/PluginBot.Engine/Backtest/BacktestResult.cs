using PluginBot.Engine.Execution;
using PluginBot.Engine.Hosting;
using PluginBot.Statistics;

namespace PluginBot.Engine.Backtest;

/// <summary>Everything a backtest produced; <see cref="BacktestResultWriter"/> writes it to disk.</summary>
public sealed record BacktestResult
{
    /// <summary>The composition's name.</summary>
    public required string StrategyName { get; init; }

    /// <summary>The options it ran with.</summary>
    public required BacktestOptions Options { get; init; }

    /// <summary>Bars handled.</summary>
    public required long BarsProcessed { get; init; }

    /// <summary>Return, risk and drawdown statistics from the equity samples.</summary>
    public required PerformanceSummary Performance { get; init; }

    /// <summary>Statistics over the closed round trips.</summary>
    public required TradeStatistics TradeStatistics { get; init; }

    /// <summary>
    /// The same statistics over each trade's profit after its fees. <see cref="TradeStatistics"/> follows Lean's
    /// convention of gross profit; a win that did not pay its fees is a loss here.
    /// </summary>
    public required TradeStatistics NetTradeStatistics { get; init; }

    /// <summary>The closed round trips.</summary>
    public required IReadOnlyList<ClosedTrade> Trades { get; init; }

    /// <summary>The stored equity curve.</summary>
    public required IReadOnlyList<EquityPoint> EquityCurve { get; init; }

    /// <summary>Every order with its states and fills.</summary>
    public required IReadOnlyList<OrderRecord> Orders { get; init; }

    /// <summary>Every decision that asked for a change of position.</summary>
    public required IReadOnlyList<DecisionRecord> Decisions { get; init; }

    /// <summary>Unsent decisions not recorded because they repeated the previous one for their symbol.</summary>
    public required long RepeatedDecisionsSuppressed { get; init; }

    /// <summary>Log entries dropped because the log's capacity was reached.</summary>
    public required int LogEntriesDropped { get; init; }

    /// <summary>Every hot swap applied or refused during the run.</summary>
    public IReadOnlyList<SwapRecord> Swaps { get; init; } = [];

    /// <summary>What plugins and the engine logged.</summary>
    public required IReadOnlyList<LogEntry> Log { get; init; }

    /// <summary>Fraction of samples with a position open.</summary>
    public required double Exposure { get; init; }

    /// <summary>Traded notional (price × quantity × multiplier over every fill) divided by the initial cash.</summary>
    public required decimal Turnover { get; init; }

    /// <summary>CAGR divided by the maximum drawdown; 0 without a drawdown.</summary>
    public double CalmarRatio => Performance.MaximumDrawdown == 0 ? 0 : Performance.CompoundAnnualGrowthRate / (double)Performance.MaximumDrawdown;

    /// <summary>Average profit per trade after fees: what one more trade is expected to earn.</summary>
    public decimal Expectancy => NetTradeStatistics.AverageProfitLoss;

    /// <summary>Fees paid in total.</summary>
    public required decimal FeesPaid { get; init; }

    /// <summary>Fills booked.</summary>
    public required int FillCount { get; init; }

    /// <summary>Exceptions the strategy threw.</summary>
    public required int StrategyFailures { get; init; }

    /// <summary>True when the strategy was faulted by repeated failures.</summary>
    public required bool StrategyFaulted { get; init; }

    /// <summary>Positions still open at the end, by symbol (signed quantity).</summary>
    public required IReadOnlyDictionary<string, decimal> OpenPositions { get; init; }

    /// <summary>Every committee decision (regime probabilities, each expert's view and weights), for a mixture-of-experts composition.</summary>
    public IReadOnlyList<Committees.CommitteeTrailRecord> CommitteeTrail { get; init; } = [];

    /// <summary>Why each round trip closed, by the index of <see cref="Trades"/> (the strategy's signal or an exit of the exit policy).</summary>
    public IReadOnlyList<Exits.ExitReason> ExitReasons { get; init; } = [];
}
