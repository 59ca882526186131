using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;

namespace PluginBot.Engine.Exits;

/// <summary>
/// The exit manager's two ways of acting: live it sends and cancels through the execution engine; while a resumed run
/// replays its warm-up it only adopts the orders the previous run sent and forgets the ones it cancelled, so its state
/// follows the previous run's without a single order reaching the venue.
/// </summary>
internal sealed partial class ExitManager
{
    // The id of an order built only to be matched against a restored one during the replay; never sent.
    private const string ReplayTemplateId = "replay-template";

    // While replaying, ids are not drawn: the resumed sequence must continue where the previous run's ended.
    private string NextId() => engine.IsReplayingRestoredOrders ? ReplayTemplateId : orderIds.Next();

    // Sends the order, or while replaying adopts the one the previous run sent here; returns the id now working (null: none).
    private string? Place(OrderRequest request, ExitOrderTag tag, in Bar bar, decimal positionBefore, decimal positionAfter, string reason)
    {
        if (engine.IsReplayingRestoredOrders)
        {
            return engine.AdoptRestoredExitOrder(request, tag);
        }

        engine.SendExitOrder(request, tag, in bar, positionBefore, positionAfter, reason);
        return request.ClientOrderId;
    }

    private void CancelWorking(PositionExitState state, in Bar bar, string reason, bool includeMarketExit)
    {
        if (engine.IsReplayingRestoredOrders)
        {
            ForgetWorking(state, includeMarketExit);
            return;
        }

        engine.RecordExitCancellation(in bar, reason);
        if (state.StopOrderId is { } stop)
        {
            engine.CancelExitOrder(stop);
        }

        for (var index = 0; index < state.TargetOrderIds.Length; index++)
        {
            if (state.TargetOrderIds[index] is { } target)
            {
                engine.CancelExitOrder(target);
            }
        }

        if (includeMarketExit && state.MarketExitOrderId is { } market)
        {
            engine.CancelExitOrder(market);
        }
    }

    // The previous run cancelled these here; their Cancelled states are replayed with the next bar.
    private void ForgetWorking(PositionExitState state, bool includeMarketExit)
    {
        if (state.StopOrderId is { } stop)
        {
            engine.ForgetReplayedExitOrder(state.Symbol, stop);
        }

        for (var index = 0; index < state.TargetOrderIds.Length; index++)
        {
            if (state.TargetOrderIds[index] is { } target)
            {
                engine.ForgetReplayedExitOrder(state.Symbol, target);
            }
        }

        if (includeMarketExit && state.MarketExitOrderId is { } market)
        {
            engine.ForgetReplayedExitOrder(state.Symbol, market);
        }
    }
}
