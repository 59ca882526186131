using PluginBot.Binance;
using PluginBot.Sdk.Orders;

namespace PluginBot.Plugins.Exchange.Binance;

/// <summary>The send loop: new orders, cancels, trade syncs and reconciliation, one at a time.</summary>
public sealed partial class BinanceExchangeAdapter
{
    private static readonly int[] DuplicateOrderCodes = [-2010, -4116];

    private async Task SendLoopAsync(CancellationToken cancellationToken)
    {
        await foreach (var command in commands.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                if (command.Order is not null)
                {
                    await SendOrderAsync(command.Order, cancellationToken).ConfigureAwait(false);
                }
                else if (command.CancelEngineId is not null)
                {
                    await CancelOrderAsync(command.CancelEngineId, cancellationToken).ConfigureAwait(false);
                }
                else if (command.TradesSymbol is not null)
                {
                    lock (tradeSyncQueued)
                    {
                        tradeSyncQueued.Remove(command.TradesSymbol);
                    }

                    await SyncTradesAsync(command.TradesSymbol, cancellationToken).ConfigureAwait(false);
                }
                else if (command.Reconcile)
                {
                    await ReconcileAsync(cancellationToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is BinanceApiException or BinanceOutcomeUnknownException or HttpRequestException or IOException or OperationCanceledException)
            {
                // A failed reconciliation or lookup is retried by the next one; the loop itself must survive.
                logger?.Warning($"Binance adapter: {exception.GetType().Name}: {exception.Message}; reconciling again.");
                if (!command.Reconcile)
                {
                    RequestReconciliation();
                }
            }
            finally
            {
                Interlocked.Decrement(ref pendingCommands);
            }
        }
    }

    private async Task SendOrderAsync(TrackedOrder order, CancellationToken cancellationToken)
    {
        var rest = Client;
        var request = ToBinance(order);
        for (var attempt = 1; attempt <= MaximumSendAttempts; attempt++)
        {
            try
            {
                tracker!.ApplySnapshot(await rest.PlaceOrderAsync(request, cancellationToken).ConfigureAwait(false));
                return;
            }
            catch (BinanceApiException exception) when (Array.IndexOf(DuplicateOrderCodes, exception.Code) >= 0 && exception.BinanceMessage.Contains("uplicate", StringComparison.Ordinal))
            {
                // Our id is already on the book: an earlier attempt did arrive. Take its state instead of a second order.
                if (await ResolveAsync(order, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                tracker!.Reject(order, $"Binance {exception.Code}: {exception.BinanceMessage}", rest.RateLimiter.Now.UtcDateTime);
                return;
            }
            catch (BinanceApiException exception)
            {
                tracker!.Reject(order, $"Binance {exception.Code}: {exception.BinanceMessage}", rest.RateLimiter.Now.UtcDateTime);
                return;
            }
            catch (BinanceOutcomeUnknownException)
            {
                // Never resend blind: if the order exists, its state is the answer we lost.
                if (await ResolveAsync(order, cancellationToken).ConfigureAwait(false))
                {
                    return;
                }

                logger?.Information($"Binance order {order.ExchangeClientOrderId}: not on the exchange after a lost answer; resending (attempt {attempt + 1}).");
            }
        }

        tracker!.Reject(order, $"no answer from Binance after {MaximumSendAttempts} attempts, and the order is not on the exchange", rest.RateLimiter.Now.UtcDateTime);
    }

    private async Task<bool> ResolveAsync(TrackedOrder order, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var existing = await Client.GetOrderAsync(order.Request.Symbol, order.ExchangeClientOrderId, cancellationToken).ConfigureAwait(false);
                if (existing is null)
                {
                    return false;
                }

                tracker!.ApplySnapshot(existing);
                return true;
            }
            catch (Exception exception) when (attempt < MaximumSendAttempts && exception is HttpRequestException or BinanceApiException { Code: 0 } or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                logger?.Warning($"Binance order {order.ExchangeClientOrderId}: status lookup failed ({exception.GetType().Name}); retrying.");
            }
        }
    }

    private async Task CancelOrderAsync(string engineId, CancellationToken cancellationToken)
    {
        var order = tracker!.FindByEngineId(engineId);
        if (order is null || !order.Sent || order.Status.IsFinal())
        {
            return;
        }

        try
        {
            tracker.ApplySnapshot(await Client.CancelOrderAsync(order.Request.Symbol, order.ExchangeClientOrderId, cancellationToken).ConfigureAwait(false));
        }
        catch (Exception exception) when (exception is BinanceOutcomeUnknownException or BinanceApiException { Code: -2011 })
        {
            // Already final (filled or cancelled) or the answer was lost: the order's own state says which.
            await ResolveAsync(order, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SyncTradesAsync(string symbol, CancellationToken cancellationToken)
    {
        var from = tradesSyncedUpTo.TryGetValue(symbol, out var last) ? last + 1 : 0;
        var trades = await Client.GetAllTradesSinceAsync(symbol, from, cancellationToken).ConfigureAwait(false);
        foreach (var trade in trades)
        {
            tracker!.ApplyTrade(trade);
        }

        if (trades.Count > 0)
        {
            tradesSyncedUpTo[symbol] = trades.Max(trade => trade.TradeId);
        }
    }

    /// <summary>
    /// Brings the engine up to date after a gap: open orders (reporting foreign ones), the state of every working
    /// order that is no longer open, then every trade since the last sync.
    /// </summary>
    private async Task ReconcileAsync(CancellationToken cancellationToken)
    {
        var rest = Client;
        var open = await rest.GetOpenOrdersAsync(null, cancellationToken).ConfigureAwait(false);
        var openIds = new HashSet<string>(open.Select(order => order.ClientOrderId), StringComparer.Ordinal);
        foreach (var order in open)
        {
            tracker!.ApplySnapshot(order);
        }

        foreach (var order in tracker!.WorkingOrders())
        {
            if (!openIds.Contains(order.ExchangeClientOrderId) && order.ExchangeOrderId is not null)
            {
                await ResolveAsync(order, cancellationToken).ConfigureAwait(false);
            }
        }

        foreach (var symbol in tracker.Symbols().Union(symbols, StringComparer.Ordinal))
        {
            await SyncTradesAsync(symbol, cancellationToken).ConfigureAwait(false);
        }

        Reconciliations++;
    }

    private BinanceOrderRequest ToBinance(TrackedOrder order)
    {
        var request = order.Request;
        var kind = request.Type switch
        {
            OrderType.Market => BinanceOrderKind.Market,
            OrderType.Limit => BinanceOrderKind.Limit,
            OrderType.StopMarket => BinanceOrderKind.StopMarket,
            _ => BinanceOrderKind.StopLimit,
        };
        var reduceOnly = request.ReduceOnly && Client.Market == BinanceMarket.UsdFutures;
        return new BinanceOrderRequest(request.Symbol, request.Side, kind, request.Quantity, order.ExchangeClientOrderId, request.LimitPrice, request.StopPrice, request.TimeInForce, reduceOnly);
    }
}
