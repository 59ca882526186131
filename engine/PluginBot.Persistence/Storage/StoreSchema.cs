using Microsoft.Data.Sqlite;

namespace PluginBot.Persistence.Storage;

/// <summary>
/// The store's schema as an ordered list of migrations. Each migration runs once, in its own transaction, and is
/// recorded in <c>schema_migrations</c>; a file is upgraded by running the migrations it has not seen yet. Never edit a
/// shipped migration: add a new one, because files written by older versions replay only the steps they lack.
/// </summary>
internal static class StoreSchema
{
    /// <summary>"PBTS" (PluginBot trading store): marks the file as ours, so a foreign SQLite file is refused, not migrated.</summary>
    public const int ApplicationId = 0x50425453;

    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE order_sequences (
            strategy TEXT PRIMARY KEY,
            last_reserved INTEGER NOT NULL);
        CREATE TABLE orders (
            client_order_id TEXT PRIMARY KEY,
            strategy TEXT NOT NULL,
            symbol TEXT NOT NULL,
            side INTEGER NOT NULL,
            type INTEGER NOT NULL,
            quantity TEXT NOT NULL,
            limit_price TEXT,
            stop_price TEXT,
            time_in_force INTEGER NOT NULL,
            reduce_only INTEGER NOT NULL,
            sent_time INTEGER NOT NULL);
        CREATE INDEX orders_by_strategy ON orders (strategy);
        CREATE TABLE order_updates (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            client_order_id TEXT NOT NULL REFERENCES orders (client_order_id),
            status INTEGER NOT NULL,
            time INTEGER NOT NULL,
            filled_quantity TEXT NOT NULL,
            reason TEXT);
        CREATE INDEX order_updates_by_order ON order_updates (client_order_id, id);
        CREATE TABLE fills (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            client_order_id TEXT NOT NULL REFERENCES orders (client_order_id),
            trade_id INTEGER NOT NULL,
            strategy TEXT NOT NULL,
            symbol TEXT NOT NULL,
            side INTEGER NOT NULL,
            quantity TEXT NOT NULL,
            price TEXT NOT NULL,
            fee TEXT NOT NULL,
            liquidity INTEGER NOT NULL,
            time INTEGER NOT NULL,
            UNIQUE (trade_id, client_order_id));
        CREATE INDEX fills_by_strategy ON fills (strategy, id);
        CREATE TABLE position_snapshots (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            strategy TEXT NOT NULL,
            symbol TEXT NOT NULL,
            quantity TEXT NOT NULL,
            average_price TEXT NOT NULL,
            time INTEGER NOT NULL,
            last_fill_id INTEGER NOT NULL);
        CREATE INDEX position_snapshots_by_strategy ON position_snapshots (strategy, symbol, id);
        CREATE TABLE balance_snapshots (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            strategy TEXT NOT NULL,
            asset TEXT NOT NULL,
            total TEXT NOT NULL,
            available TEXT NOT NULL,
            time INTEGER NOT NULL);
        CREATE INDEX balance_snapshots_by_strategy ON balance_snapshots (strategy, asset, id);
        CREATE TABLE decisions (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            strategy TEXT NOT NULL,
            symbol TEXT NOT NULL,
            time INTEGER NOT NULL,
            record_json TEXT NOT NULL);
        CREATE INDEX decisions_by_strategy ON decisions (strategy, sequence);
        CREATE TABLE versions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            strategy TEXT NOT NULL,
            slot TEXT NOT NULL,
            kind INTEGER NOT NULL,
            version TEXT NOT NULL,
            time INTEGER NOT NULL);
        CREATE INDEX versions_by_strategy ON versions (strategy, slot, id);
        CREATE TABLE swaps (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            strategy TEXT NOT NULL,
            time INTEGER NOT NULL,
            record_json TEXT NOT NULL);
        CREATE INDEX swaps_by_strategy ON swaps (strategy, id);
        """,
        // 2: how far each strategy's feed got (the last bar whose consequences are all stored), and operator state
        // (kill switch, pauses) that must survive a restart.
        """
        CREATE TABLE feed_cursors (
            strategy TEXT PRIMARY KEY,
            last_handled INTEGER NOT NULL,
            bars_handled INTEGER NOT NULL);
        CREATE TABLE host_settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL);
        """,
    ];

    /// <summary>The schema version this build writes; a file with a higher version was written by a newer PluginBot.</summary>
    public static int CurrentVersion => Migrations.Length;

    /// <summary>Reads the highest applied migration, or 0 for a file that has none yet.</summary>
    public static int ReadVersion(SqliteConnection connection)
    {
        using var exists = SqliteValues.Command(connection, null, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'");
        if ((long)exists.ExecuteScalar()! == 0)
        {
            return 0;
        }

        using var version = SqliteValues.Command(connection, null, "SELECT coalesce(max(version), 0) FROM schema_migrations");
        return (int)(long)version.ExecuteScalar()!;
    }

    /// <summary>Brings a file that passed validation up to <see cref="CurrentVersion"/>.</summary>
    public static void Migrate(SqliteConnection connection)
    {
        using (var setup = SqliteValues.Command(connection, null,
                   $"PRAGMA application_id = {ApplicationId}; CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY);"))
        {
            setup.ExecuteNonQuery();
        }

        for (var version = ReadVersion(connection) + 1; version <= CurrentVersion; version++)
        {
            using var transaction = connection.BeginTransaction();
            using (var step = SqliteValues.Command(connection, transaction, Migrations[version - 1]))
            {
                step.ExecuteNonQuery();
            }

            using (var record = SqliteValues.Command(connection, transaction, "INSERT INTO schema_migrations (version) VALUES ($version)", ("$version", version)))
            {
                record.ExecuteNonQuery();
            }

            transaction.Commit();
        }
    }
}
