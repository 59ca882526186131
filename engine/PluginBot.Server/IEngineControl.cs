using PluginBot.Server.Contracts;

namespace PluginBot.Server;

/// <summary>
/// What the control API may do to a running host. The host implements it; the API only translates HTTP to these calls
/// and their exceptions to status codes, so the same operations can later be driven by another front end.
/// Implementations marshal changes onto the strategy's kernel thread (swaps happen between two events) and complete
/// the task once the change took effect.
/// </summary>
/// <remarks>
/// Every method taking a strategy name throws <see cref="StrategyNotFoundException"/> for an unknown name (404) and
/// <see cref="EngineControlException"/> when the host refuses an operation in its current state (409).
/// </remarks>
public interface IEngineControl
{
    /// <summary>Every strategy instance of the host.</summary>
    Task<IReadOnlyList<StrategySummary>> ListStrategiesAsync(CancellationToken cancellationToken);

    /// <summary>One strategy instance.</summary>
    Task<StrategySummary> GetStrategyAsync(string strategy, CancellationToken cancellationToken);

    /// <summary>Every plugin the host knows, loaded or not.</summary>
    Task<IReadOnlyList<PluginSummary>> ListPluginsAsync(CancellationToken cancellationToken);

    /// <summary>Every expert and its set.</summary>
    Task<IReadOnlyList<ExpertSummary>> ListExpertsAsync(CancellationToken cancellationToken);

    /// <summary>Hot-swaps one slot; a failed warm-up returns a record with <see cref="SwapResult.Succeeded"/> false and leaves the old version running.</summary>
    Task<SwapResult> SwapAsync(string strategy, SwapRequest request, CancellationToken cancellationToken);

    /// <summary>Stops the strategy from sending new orders; returns its new summary.</summary>
    Task<StrategySummary> PauseAsync(string strategy, CancellationToken cancellationToken);

    /// <summary>Lets a paused strategy act on its decisions again; returns its new summary.</summary>
    Task<StrategySummary> ResumeAsync(string strategy, CancellationToken cancellationToken);

    /// <summary>Cancels the strategy's working orders and sends orders closing every open position.</summary>
    Task<FlattenResult> FlattenAsync(string strategy, CancellationToken cancellationToken);

    /// <summary>The host-wide kill switch.</summary>
    Task<KillSwitchState> GetKillSwitchAsync(CancellationToken cancellationToken);

    /// <summary>Engages the kill switch for every strategy; engaging it again keeps the first time and reason.</summary>
    Task<KillSwitchState> EngageKillSwitchAsync(string reason, CancellationToken cancellationToken);

    /// <summary>Releases the kill switch.</summary>
    Task<KillSwitchState> ReleaseKillSwitchAsync(CancellationToken cancellationToken);

    /// <summary>The strategy's open positions.</summary>
    Task<IReadOnlyList<PositionSummary>> GetPositionsAsync(string strategy, CancellationToken cancellationToken);

    /// <summary>The strategy's orders, oldest first.</summary>
    Task<IReadOnlyList<OrderSummary>> GetOrdersAsync(string strategy, CancellationToken cancellationToken);

    /// <summary>The strategy's profit and loss.</summary>
    Task<StrategyProfitLoss> GetProfitLossAsync(string strategy, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> decision records with a sequence above <paramref name="afterSequence"/>, oldest first.</summary>
    Task<IReadOnlyList<DecisionEntry>> GetDecisionsAsync(string strategy, long afterSequence, int limit, CancellationToken cancellationToken);

    /// <summary>The strategy's A/B split and per-set statistics.</summary>
    Task<SplitStatus> GetSplitAsync(string strategy, CancellationToken cancellationToken);

    /// <summary>Starts or changes the strategy's A/B split; the server has already checked the configuration's fields.</summary>
    Task<SplitStatus> ConfigureSplitAsync(string strategy, SplitConfiguration configuration, CancellationToken cancellationToken);

    /// <summary>Makes the candidate set the only set and ends the split.</summary>
    Task<SplitStatus> PromoteCandidateAsync(string strategy, CancellationToken cancellationToken);

    /// <summary>Drops the candidate set and ends the split; the control set keeps trading.</summary>
    Task<SplitStatus> RollbackCandidateAsync(string strategy, CancellationToken cancellationToken);
}
