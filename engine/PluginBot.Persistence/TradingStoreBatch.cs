using System.Text.Json;
using Microsoft.Data.Sqlite;
using PluginBot.Persistence.Storage;
using PluginBot.Sdk.Orders;

namespace PluginBot.Persistence;

/// <summary>
/// One transaction of the trading store: everything written through a batch becomes durable together at
/// <see cref="Commit"/> (WAL, synchronous=FULL), or not at all if the process dies first or the batch is disposed
/// uncommitted. Write one batch per engine event (an order and its reservation, a fill with its snapshot), so a crash
/// never leaves half an event behind. While a batch is open it holds the store: do not call the store from the same
/// thread until it is committed or disposed.
/// </summary>
public sealed class TradingStoreBatch : IDisposable
{
    private readonly SqliteConnection connection;
    private readonly SqliteTransaction transaction;
    private readonly Action release;
    private bool finished;

    internal TradingStoreBatch(SqliteConnection connection, Action release)
    {
        this.connection = connection;
        this.release = release;
        transaction = connection.BeginTransaction();
    }

    /// <summary>
    /// Reserves the next client-order sequence number of <paramref name="strategy"/> (1 for a new strategy). Commit the
    /// batch before sending an order with it: a restarted engine then never hands the number out again, and an id that
    /// was reserved but has no recorded order was certainly never sent.
    /// </summary>
    public long ReserveOrderSequence(string strategy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        using var command = Command(
            "INSERT INTO order_sequences (strategy, last_reserved) VALUES ($strategy, 1) ON CONFLICT (strategy) DO UPDATE SET last_reserved = last_reserved + 1 RETURNING last_reserved",
            ("$strategy", strategy));
        return (long)command.ExecuteScalar()!;
    }

    /// <summary>
    /// Records <paramref name="request"/> as about to be sent. Returns false when the same order is already recorded (a
    /// retried event), and throws when a different order already uses the client order id, because that would merge two
    /// orders' histories.
    /// </summary>
    public bool RecordOrderSubmission(string strategy, OrderRequest request, DateTime sentTime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentNullException.ThrowIfNull(request);
        using var insert = Command(
            """
            INSERT INTO orders (client_order_id, strategy, symbol, side, type, quantity, limit_price, stop_price, time_in_force, reduce_only, sent_time)
            VALUES ($id, $strategy, $symbol, $side, $type, $quantity, $limit, $stop, $timeInForce, $reduceOnly, $sentTime)
            ON CONFLICT (client_order_id) DO NOTHING
            """,
            ("$id", request.ClientOrderId), ("$strategy", strategy), ("$symbol", request.Symbol), ("$side", (int)request.Side), ("$type", (int)request.Type),
            ("$quantity", SqliteValues.FromDecimal(request.Quantity)), ("$limit", SqliteValues.FromDecimal(request.LimitPrice)),
            ("$stop", SqliteValues.FromDecimal(request.StopPrice)), ("$timeInForce", (int)request.TimeInForce), ("$reduceOnly", request.ReduceOnly ? 1 : 0),
            ("$sentTime", SqliteValues.FromTime(sentTime)));
        if (insert.ExecuteNonQuery() == 1)
        {
            return true;
        }

        var existing = StoreReader.ReadOrderRequest(connection, transaction, request.ClientOrderId);
        if (existing.Strategy != strategy || existing.Request != request)
        {
            throw new InvalidOperationException(
                $"Client order id {request.ClientOrderId} is already recorded for strategy {existing.Strategy} with different terms; a client order id must never be reused.");
        }

        return false;
    }

    /// <summary>
    /// Appends a state change to an order's history. Returns false when the same change (status, time and filled
    /// quantity) is already recorded: exchanges redeliver updates after reconnects.
    /// </summary>
    /// <exception cref="InvalidOperationException">The order was never recorded.</exception>
    public bool RecordOrderUpdate(OrderUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        RequireOrder(update.ClientOrderId, "an update");
        using var duplicate = Command(
            "SELECT count(*) FROM order_updates WHERE client_order_id = $id AND status = $status AND time = $time AND filled_quantity = $filled",
            ("$id", update.ClientOrderId), ("$status", (int)update.Status), ("$time", SqliteValues.FromTime(update.Time)),
            ("$filled", SqliteValues.FromDecimal(update.FilledQuantity)));
        if ((long)duplicate.ExecuteScalar()! > 0)
        {
            return false;
        }

        using var insert = Command(
            "INSERT INTO order_updates (client_order_id, status, time, filled_quantity, reason) VALUES ($id, $status, $time, $filled, $reason)",
            ("$id", update.ClientOrderId), ("$status", (int)update.Status), ("$time", SqliteValues.FromTime(update.Time)),
            ("$filled", SqliteValues.FromDecimal(update.FilledQuantity)), ("$reason", SqliteValues.FromText(update.Reason)));
        insert.ExecuteNonQuery();
        return true;
    }

    /// <summary>
    /// Books a fill. A fill is unique by exchange trade id and client order id: recording it again returns false and
    /// changes nothing, so replaying the exchange's fills after a reconnect cannot double a position.
    /// </summary>
    /// <exception cref="InvalidOperationException">The order was never recorded, or the same trade was recorded with other terms.</exception>
    public bool RecordFill(Fill fill)
    {
        ArgumentNullException.ThrowIfNull(fill);
        var strategy = RequireOrder(fill.ClientOrderId, "a fill");
        using var insert = Command(
            """
            INSERT INTO fills (client_order_id, trade_id, strategy, symbol, side, quantity, price, fee, liquidity, time)
            VALUES ($id, $trade, $strategy, $symbol, $side, $quantity, $price, $fee, $liquidity, $time)
            ON CONFLICT (trade_id, client_order_id) DO NOTHING
            """,
            ("$id", fill.ClientOrderId), ("$trade", fill.TradeId), ("$strategy", strategy), ("$symbol", fill.Symbol), ("$side", (int)fill.Side),
            ("$quantity", SqliteValues.FromDecimal(fill.Quantity)), ("$price", SqliteValues.FromDecimal(fill.Price)), ("$fee", SqliteValues.FromDecimal(fill.Fee)),
            ("$liquidity", (int)fill.Liquidity), ("$time", SqliteValues.FromTime(fill.Time)));
        if (insert.ExecuteNonQuery() == 1)
        {
            return true;
        }

        var existing = StoreReader.ReadFill(connection, transaction, fill.TradeId, fill.ClientOrderId);
        if (existing != fill)
        {
            throw new InvalidOperationException(
                $"Trade {fill.TradeId} of order {fill.ClientOrderId} is already recorded with different terms ({existing}); refusing to book {fill}.");
        }

        return false;
    }

    /// <summary>
    /// Records the engine's view of a position. The snapshot remembers which fills it already reflects, so a restart
    /// can check it against exactly those fills and report a disagreement.
    /// </summary>
    public void RecordPositionSnapshot(string strategy, PositionSnapshot snapshot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentNullException.ThrowIfNull(snapshot);
        using var insert = Command(
            """
            INSERT INTO position_snapshots (strategy, symbol, quantity, average_price, time, last_fill_id)
            VALUES ($strategy, $symbol, $quantity, $average, $time, (SELECT coalesce(max(id), 0) FROM fills))
            """,
            ("$strategy", strategy), ("$symbol", snapshot.Symbol), ("$quantity", SqliteValues.FromDecimal(snapshot.Quantity)),
            ("$average", SqliteValues.FromDecimal(snapshot.AveragePrice)), ("$time", SqliteValues.FromTime(snapshot.Time)));
        insert.ExecuteNonQuery();
    }

    /// <summary>Records one asset's balance; restore returns the latest per asset.</summary>
    public void RecordBalanceSnapshot(string strategy, BalanceSnapshot snapshot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentNullException.ThrowIfNull(snapshot);
        using var insert = Command(
            "INSERT INTO balance_snapshots (strategy, asset, total, available, time) VALUES ($strategy, $asset, $total, $available, $time)",
            ("$strategy", strategy), ("$asset", snapshot.Asset), ("$total", SqliteValues.FromDecimal(snapshot.Total)),
            ("$available", SqliteValues.FromDecimal(snapshot.Available)), ("$time", SqliteValues.FromTime(snapshot.Time)));
        insert.ExecuteNonQuery();
    }

    /// <summary>Stores a decision record (the engine's record serialised as JSON) and returns its sequence number.</summary>
    /// <exception cref="ArgumentException"><paramref name="recordJson"/> is not JSON: the audit trail must stay machine-readable.</exception>
    public long RecordDecision(string strategy, string symbol, DateTime time, string recordJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        RequireJson(recordJson, nameof(recordJson));
        using var insert = Command(
            "INSERT INTO decisions (strategy, symbol, time, record_json) VALUES ($strategy, $symbol, $time, $json) RETURNING sequence",
            ("$strategy", strategy), ("$symbol", symbol), ("$time", SqliteValues.FromTime(time)), ("$json", recordJson));
        return (long)insert.ExecuteScalar()!;
    }

    /// <summary>Records that a slot of <paramref name="strategy"/> now runs another version (one row per change).</summary>
    public void RecordVersion(string strategy, VersionChange change)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentNullException.ThrowIfNull(change);
        using var insert = Command(
            "INSERT INTO versions (strategy, slot, kind, version, time) VALUES ($strategy, $slot, $kind, $version, $time)",
            ("$strategy", strategy), ("$slot", change.Slot), ("$kind", (int)change.Kind), ("$version", change.Version), ("$time", SqliteValues.FromTime(change.Time)));
        insert.ExecuteNonQuery();
    }

    /// <summary>Stores a swap record (the engine's record serialised as JSON), successful or not, and returns its sequence number.</summary>
    public long RecordSwap(string strategy, DateTime time, string recordJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        RequireJson(recordJson, nameof(recordJson));
        using var insert = Command(
            "INSERT INTO swaps (strategy, time, record_json) VALUES ($strategy, $time, $json) RETURNING id",
            ("$strategy", strategy), ("$time", SqliteValues.FromTime(time)), ("$json", recordJson));
        return (long)insert.ExecuteScalar()!;
    }

    /// <summary>
    /// Records that <paramref name="strategy"/>'s feed has been handled through its first <paramref name="barsHandled"/>
    /// bars, the last ending at <paramref name="lastHandledBarEnd"/>: a resumed run replays those bars only to warm up.
    /// The count, not the time, is the cursor — several symbols' bars share one end time. Never moves backwards.
    /// </summary>
    public void RecordCursor(string strategy, DateTime lastHandledBarEnd, long barsHandled)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        using var upsert = Command(
            "INSERT INTO feed_cursors (strategy, last_handled, bars_handled) VALUES ($strategy, $time, $bars) ON CONFLICT (strategy) DO UPDATE SET last_handled = MAX(last_handled, excluded.last_handled), bars_handled = MAX(bars_handled, excluded.bars_handled)",
            ("$strategy", strategy), ("$time", SqliteValues.FromTime(lastHandledBarEnd)), ("$bars", barsHandled));
        upsert.ExecuteNonQuery();
    }

    /// <summary>Sets (or with null removes) a piece of operator state that must survive a restart, such as an engaged kill switch.</summary>
    public void RecordSetting(string key, string? value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        using var command = value is null
            ? Command("DELETE FROM host_settings WHERE key = $key", ("$key", key))
            : Command("INSERT INTO host_settings (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value", ("$key", key), ("$value", value));
        command.ExecuteNonQuery();
    }

    /// <summary>Makes everything written through this batch durable; returns once SQLite has synced it to disk.</summary>
    public void Commit()
    {
        ObjectDisposedException.ThrowIf(finished, this);
        try
        {
            transaction.Commit();
        }
        finally
        {
            Finish();
        }
    }

    /// <summary>Rolls back anything not committed and releases the store.</summary>
    public void Dispose()
    {
        if (finished)
        {
            return;
        }

        try
        {
            transaction.Rollback();
        }
        finally
        {
            Finish();
        }
    }

    private void Finish()
    {
        finished = true;
        transaction.Dispose();
        release();
    }

    private string RequireOrder(string clientOrderId, string what)
    {
        using var command = Command("SELECT strategy FROM orders WHERE client_order_id = $id", ("$id", clientOrderId));
        return command.ExecuteScalar() as string
               ?? throw new InvalidOperationException($"Cannot record {what} for order {clientOrderId}: the order was never recorded as sent.");
    }

    private static void RequireJson(string json, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(json, parameterName);
        try
        {
            using var document = JsonDocument.Parse(json);
        }
        catch (JsonException exception)
        {
            throw new ArgumentException($"Expected a JSON record: {exception.Message}", parameterName, exception);
        }
    }

    private SqliteCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        ObjectDisposedException.ThrowIf(finished, this);
        return SqliteValues.Command(connection, transaction, sql, parameters);
    }
}
