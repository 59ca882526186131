namespace PluginBot.Persistence;

/// <summary>Everything a restarted engine needs to resume one strategy where it stopped.</summary>
/// <param name="Strategy">The strategy.</param>
/// <param name="Orders">Every order with its latest state, history and fills, in the order recorded.</param>
/// <param name="Fills">Every fill, in the order booked.</param>
/// <param name="Positions">Positions rebuilt from the fills, in the order their symbols first traded.</param>
/// <param name="PositionMismatches">Symbols whose last snapshot disagrees with the fills stored before it.</param>
/// <param name="Balances">The latest snapshot of each asset's balance.</param>
/// <param name="NextOrderSequence">The first client-order sequence number never reserved: start the id generator here.</param>
/// <param name="RecentDecisions">The latest decision records, oldest first.</param>
/// <param name="VersionsInUse">The latest version recorded for each slot.</param>
/// <param name="Swaps">Every swap recorded for the strategy, oldest first.</param>
public sealed record StrategyRestore(
    string Strategy,
    IReadOnlyList<StoredOrder> Orders,
    IReadOnlyList<PluginBot.Sdk.Orders.Fill> Fills,
    IReadOnlyList<RecomputedPosition> Positions,
    IReadOnlyList<PositionMismatch> PositionMismatches,
    IReadOnlyList<BalanceSnapshot> Balances,
    long NextOrderSequence,
    IReadOnlyList<StoredDecision> RecentDecisions,
    IReadOnlyList<VersionChange> VersionsInUse,
    IReadOnlyList<StoredSwap> Swaps)
{
    /// <summary>
    /// Orders recorded as about to be sent that the exchange never acknowledged. They may have reached it before the
    /// crash: query the exchange by client order id and never send them again under a new id.
    /// </summary>
    public IReadOnlyList<StoredOrder> UnacknowledgedOrders => Orders.Where(order => order.AwaitingAcknowledgement).ToList();
}
