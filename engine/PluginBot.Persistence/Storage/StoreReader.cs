using Microsoft.Data.Sqlite;
using PluginBot.Sdk.Orders;

namespace PluginBot.Persistence.Storage;

/// <summary>The queries that turn stored rows back into orders, fills, snapshots and records.</summary>
internal static class StoreReader
{
    private const string FillColumns = "client_order_id, symbol, side, quantity, price, fee, liquidity, time, trade_id, id";

    public static (string Strategy, OrderRequest Request) ReadOrderRequest(SqliteConnection connection, SqliteTransaction? transaction, string clientOrderId)
    {
        using var command = SqliteValues.Command(connection, transaction,
            "SELECT strategy, client_order_id, symbol, side, type, quantity, limit_price, stop_price, time_in_force, reduce_only, sent_time FROM orders WHERE client_order_id = $id",
            ("$id", clientOrderId));
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetString(0), ReadRequest(reader, 1));
    }

    public static Fill ReadFill(SqliteConnection connection, SqliteTransaction? transaction, long tradeId, string clientOrderId)
    {
        using var command = SqliteValues.Command(connection, transaction, $"SELECT {FillColumns} FROM fills WHERE trade_id = $trade AND client_order_id = $id",
            ("$trade", tradeId), ("$id", clientOrderId));
        using var reader = command.ExecuteReader();
        reader.Read();
        return ReadFill(reader);
    }

    public static StrategyRestore Load(SqliteConnection connection, string strategy, int recentDecisionCount)
    {
        var fillRows = ReadFills(connection, strategy);
        var fills = fillRows.Select(row => row.Fill).ToList();
        var updates = ReadUpdates(connection, strategy);
        var orders = ReadOrders(connection, strategy, updates, fills);
        var calculator = new PositionCalculator();
        foreach (var fill in fills)
        {
            calculator.Apply(fill);
        }

        return new StrategyRestore(
            strategy,
            orders,
            fills,
            calculator.Positions(),
            FindMismatches(connection, strategy, fillRows),
            ReadBalances(connection, strategy),
            ReadNextSequence(connection, strategy),
            ReadRecentDecisions(connection, strategy, recentDecisionCount),
            ReadVersionsInUse(connection, strategy),
            ReadSwaps(connection, strategy));
    }

    public static IReadOnlyList<StoredDecision> ReadDecisions(SqliteConnection connection, string strategy, long afterSequence, int limit)
    {
        using var command = SqliteValues.Command(connection, null,
            "SELECT sequence, strategy, symbol, time, record_json FROM decisions WHERE strategy = $strategy AND sequence > $after ORDER BY sequence LIMIT $limit",
            ("$strategy", strategy), ("$after", afterSequence), ("$limit", limit));
        return ReadDecisionRows(command);
    }

    public static IReadOnlyList<string> ReadStrategies(SqliteConnection connection)
    {
        using var command = SqliteValues.Command(connection, null,
            """
            SELECT strategy FROM order_sequences UNION SELECT strategy FROM orders UNION SELECT strategy FROM decisions
            UNION SELECT strategy FROM versions UNION SELECT strategy FROM swaps UNION SELECT strategy FROM balance_snapshots
            UNION SELECT strategy FROM position_snapshots ORDER BY 1
            """);
        using var reader = command.ExecuteReader();
        var strategies = new List<string>();
        while (reader.Read())
        {
            strategies.Add(reader.GetString(0));
        }

        return strategies;
    }

    private static OrderRequest ReadRequest(SqliteDataReader reader, int first) => new(
        reader.GetString(first),
        reader.GetString(first + 1),
        (OrderSide)reader.GetInt32(first + 2),
        (OrderType)reader.GetInt32(first + 3),
        SqliteValues.ReadDecimal(reader, first + 4),
        SqliteValues.ReadNullableDecimal(reader, first + 5),
        SqliteValues.ReadNullableDecimal(reader, first + 6),
        (TimeInForce)reader.GetInt32(first + 7),
        reader.GetInt64(first + 8) != 0);

    private static Fill ReadFill(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetString(1),
        (OrderSide)reader.GetInt32(2),
        SqliteValues.ReadDecimal(reader, 3),
        SqliteValues.ReadDecimal(reader, 4),
        SqliteValues.ReadDecimal(reader, 5),
        (LiquidityRole)reader.GetInt32(6),
        SqliteValues.ReadTime(reader, 7),
        reader.GetInt64(8));

    private static List<(long Id, Fill Fill)> ReadFills(SqliteConnection connection, string strategy)
    {
        using var command = SqliteValues.Command(connection, null, $"SELECT {FillColumns} FROM fills WHERE strategy = $strategy ORDER BY id", ("$strategy", strategy));
        using var reader = command.ExecuteReader();
        var fills = new List<(long, Fill)>();
        while (reader.Read())
        {
            fills.Add((reader.GetInt64(9), ReadFill(reader)));
        }

        return fills;
    }

    private static Dictionary<string, List<OrderUpdate>> ReadUpdates(SqliteConnection connection, string strategy)
    {
        using var command = SqliteValues.Command(connection, null,
            """
            SELECT u.client_order_id, u.status, u.time, u.filled_quantity, u.reason
            FROM order_updates u JOIN orders o ON o.client_order_id = u.client_order_id
            WHERE o.strategy = $strategy ORDER BY u.id
            """,
            ("$strategy", strategy));
        using var reader = command.ExecuteReader();
        var updates = new Dictionary<string, List<OrderUpdate>>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var update = new OrderUpdate(reader.GetString(0), (OrderStatus)reader.GetInt32(1), SqliteValues.ReadTime(reader, 2),
                SqliteValues.ReadDecimal(reader, 3), SqliteValues.ReadNullableText(reader, 4));
            if (!updates.TryGetValue(update.ClientOrderId, out var list))
            {
                list = [];
                updates.Add(update.ClientOrderId, list);
            }

            list.Add(update);
        }

        return updates;
    }

    private static List<StoredOrder> ReadOrders(SqliteConnection connection, string strategy, Dictionary<string, List<OrderUpdate>> updates, List<Fill> fills)
    {
        var fillsByOrder = fills.GroupBy(fill => fill.ClientOrderId, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.ToList(), StringComparer.Ordinal);
        using var command = SqliteValues.Command(connection, null,
            "SELECT client_order_id, symbol, side, type, quantity, limit_price, stop_price, time_in_force, reduce_only, sent_time FROM orders WHERE strategy = $strategy ORDER BY rowid",
            ("$strategy", strategy));
        using var reader = command.ExecuteReader();
        var orders = new List<StoredOrder>();
        while (reader.Read())
        {
            var request = ReadRequest(reader, 0);
            orders.Add(new StoredOrder(strategy, request, SqliteValues.ReadTime(reader, 9),
                updates.GetValueOrDefault(request.ClientOrderId) ?? [],
                fillsByOrder.GetValueOrDefault(request.ClientOrderId) ?? []));
        }

        return orders;
    }

    private static List<PositionMismatch> FindMismatches(SqliteConnection connection, string strategy, List<(long Id, Fill Fill)> fills)
    {
        // The latest snapshot per symbol; each is compared with the fills that existed when it was written.
        using var command = SqliteValues.Command(connection, null,
            """
            SELECT symbol, quantity, time, last_fill_id FROM position_snapshots s
            WHERE strategy = $strategy AND id = (SELECT max(id) FROM position_snapshots WHERE strategy = s.strategy AND symbol = s.symbol)
            ORDER BY id
            """,
            ("$strategy", strategy));
        using var reader = command.ExecuteReader();
        var mismatches = new List<PositionMismatch>();
        while (reader.Read())
        {
            var symbol = reader.GetString(0);
            var snapshotQuantity = SqliteValues.ReadDecimal(reader, 1);
            var lastFillId = reader.GetInt64(3);
            var calculator = new PositionCalculator();
            foreach (var (id, fill) in fills)
            {
                if (id <= lastFillId && string.Equals(fill.Symbol, symbol, StringComparison.Ordinal))
                {
                    calculator.Apply(fill);
                }
            }

            var recomputed = calculator.QuantityOf(symbol);
            if (recomputed != snapshotQuantity)
            {
                mismatches.Add(new PositionMismatch(symbol, snapshotQuantity, recomputed, SqliteValues.ReadTime(reader, 2)));
            }
        }

        return mismatches;
    }

    private static List<BalanceSnapshot> ReadBalances(SqliteConnection connection, string strategy)
    {
        using var command = SqliteValues.Command(connection, null,
            """
            SELECT asset, total, available, time FROM balance_snapshots b
            WHERE strategy = $strategy AND id = (SELECT max(id) FROM balance_snapshots WHERE strategy = b.strategy AND asset = b.asset)
            ORDER BY asset
            """,
            ("$strategy", strategy));
        using var reader = command.ExecuteReader();
        var balances = new List<BalanceSnapshot>();
        while (reader.Read())
        {
            balances.Add(new BalanceSnapshot(reader.GetString(0), SqliteValues.ReadDecimal(reader, 1), SqliteValues.ReadDecimal(reader, 2), SqliteValues.ReadTime(reader, 3)));
        }

        return balances;
    }

    private static long ReadNextSequence(SqliteConnection connection, string strategy)
    {
        using var command = SqliteValues.Command(connection, null, "SELECT last_reserved FROM order_sequences WHERE strategy = $strategy", ("$strategy", strategy));
        return command.ExecuteScalar() is long last ? last + 1 : 1;
    }

    private static IReadOnlyList<StoredDecision> ReadRecentDecisions(SqliteConnection connection, string strategy, int count)
    {
        using var command = SqliteValues.Command(connection, null,
            """
            SELECT sequence, strategy, symbol, time, record_json FROM
            (SELECT * FROM decisions WHERE strategy = $strategy ORDER BY sequence DESC LIMIT $count) ORDER BY sequence
            """,
            ("$strategy", strategy), ("$count", count));
        return ReadDecisionRows(command);
    }

    private static List<StoredDecision> ReadDecisionRows(SqliteCommand command)
    {
        using var reader = command.ExecuteReader();
        var decisions = new List<StoredDecision>();
        while (reader.Read())
        {
            decisions.Add(new StoredDecision(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), SqliteValues.ReadTime(reader, 3), reader.GetString(4)));
        }

        return decisions;
    }

    private static List<VersionChange> ReadVersionsInUse(SqliteConnection connection, string strategy)
    {
        using var command = SqliteValues.Command(connection, null,
            """
            SELECT slot, kind, version, time FROM versions v
            WHERE strategy = $strategy AND id = (SELECT max(id) FROM versions WHERE strategy = v.strategy AND slot = v.slot)
            ORDER BY slot
            """,
            ("$strategy", strategy));
        using var reader = command.ExecuteReader();
        var versions = new List<VersionChange>();
        while (reader.Read())
        {
            versions.Add(new VersionChange(reader.GetString(0), (VersionKind)reader.GetInt32(1), reader.GetString(2), SqliteValues.ReadTime(reader, 3)));
        }

        return versions;
    }

    private static List<StoredSwap> ReadSwaps(SqliteConnection connection, string strategy)
    {
        using var command = SqliteValues.Command(connection, null, "SELECT id, time, record_json FROM swaps WHERE strategy = $strategy ORDER BY id", ("$strategy", strategy));
        using var reader = command.ExecuteReader();
        var swaps = new List<StoredSwap>();
        while (reader.Read())
        {
            swaps.Add(new StoredSwap(reader.GetInt64(0), SqliteValues.ReadTime(reader, 1), reader.GetString(2)));
        }

        return swaps;
    }
}
