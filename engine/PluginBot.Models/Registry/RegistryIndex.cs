using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PluginBot.Models.Registry;

/// <summary>
/// The SQLite index of a registry: one row per version (the source of truth for stages), the order in which
/// versions became production (what a rollback walks back through) and a revision counter that every state change
/// bumps. All SQL lives here so <see cref="ModelRegistry"/> reads as the state machine it is.
/// </summary>
internal sealed class RegistryIndex
{
    private const string Schema = """
        CREATE TABLE IF NOT EXISTS versions (
            symbol TEXT NOT NULL,
            kind TEXT NOT NULL,
            version INTEGER NOT NULL,
            stage TEXT NOT NULL,
            parent_version INTEGER NULL,
            sha256 TEXT NOT NULL,
            created_at TEXT NOT NULL,
            PRIMARY KEY (symbol, kind, version));
        CREATE TABLE IF NOT EXISTS production_history (
            sequence INTEGER PRIMARY KEY AUTOINCREMENT,
            symbol TEXT NOT NULL,
            kind TEXT NOT NULL,
            version INTEGER NOT NULL);
        CREATE TABLE IF NOT EXISTS registry_state (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            revision INTEGER NOT NULL);
        INSERT OR IGNORE INTO registry_state (id, revision) VALUES (1, 0);
        """;

    private const string Columns = "symbol, kind, version, stage, parent_version, sha256, created_at";

    private readonly string root;
    private readonly string connectionString;

    static RegistryIndex()
    {
        // Required by the bundle this machine serves (SQLitePCLRaw 2.0.6); idempotent.
        SQLitePCL.Batteries_V2.Init();
    }

    public RegistryIndex(string root)
    {
        this.root = root;
        connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(root, ModelFileNames.Index),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
        using var connection = Open();
        Execute(connection, null, "PRAGMA journal_mode = WAL;");
        Execute(connection, null, Schema);
    }

    public SqliteConnection Open()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();

        // Two writers (a training run and an operator promoting) wait for each other instead of failing at once.
        Execute(connection, null, "PRAGMA busy_timeout = 10000;");
        return connection;
    }

    public long Revision(SqliteConnection connection) =>
        Convert.ToInt64(Scalar(connection, null, "SELECT revision FROM registry_state WHERE id = 1;"), CultureInfo.InvariantCulture);

    public void BumpRevision(SqliteConnection connection, SqliteTransaction transaction) =>
        Execute(connection, transaction, "UPDATE registry_state SET revision = revision + 1 WHERE id = 1;");

    public ModelVersionRecord? Find(SqliteConnection connection, SqliteTransaction? transaction, string symbol, string kind, int version) =>
        Query(connection, transaction, $"SELECT {Columns} FROM versions WHERE symbol = $symbol AND kind = $kind AND version = $version;", ("$symbol", symbol), ("$kind", kind), ("$version", version))
            .SingleOrDefault();

    public IReadOnlyList<ModelVersionRecord> List(SqliteConnection connection, SqliteTransaction? transaction, string? symbol, string? kind) =>
        Query(
            connection,
            transaction,
            $"SELECT {Columns} FROM versions WHERE ($symbol IS NULL OR symbol = $symbol) AND ($kind IS NULL OR kind = $kind) ORDER BY symbol, kind, version;",
            ("$symbol", symbol),
            ("$kind", kind));

    public ModelVersionRecord? Production(SqliteConnection connection, SqliteTransaction? transaction, string symbol, string kind) =>
        Query(connection, transaction, $"SELECT {Columns} FROM versions WHERE symbol = $symbol AND kind = $kind AND stage = 'production';", ("$symbol", symbol), ("$kind", kind))
            .SingleOrDefault();

    public int MaximumVersion(SqliteConnection connection, SqliteTransaction transaction, string symbol, string kind) =>
        Convert.ToInt32(
            Scalar(connection, transaction, "SELECT COALESCE(MAX(version), 0) FROM versions WHERE symbol = $symbol AND kind = $kind;", ("$symbol", symbol), ("$kind", kind)),
            CultureInfo.InvariantCulture);

    public void Insert(SqliteConnection connection, SqliteTransaction transaction, ModelVersionRecord record) =>
        Execute(
            connection,
            transaction,
            $"INSERT INTO versions ({Columns}) VALUES ($symbol, $kind, $version, $stage, $parent, $sha, $created);",
            ("$symbol", record.Symbol),
            ("$kind", record.Kind),
            ("$version", record.Version),
            ("$stage", ModelStageText.Format(record.Stage)),
            ("$parent", record.ParentVersion),
            ("$sha", record.Sha256),
            ("$created", record.CreatedAt.ToString("O", CultureInfo.InvariantCulture)));

    public void SetStage(SqliteConnection connection, SqliteTransaction transaction, ModelVersionRecord record, ModelStage stage) =>
        Execute(
            connection,
            transaction,
            "UPDATE versions SET stage = $stage WHERE symbol = $symbol AND kind = $kind AND version = $version;",
            ("$stage", ModelStageText.Format(stage)),
            ("$symbol", record.Symbol),
            ("$kind", record.Kind),
            ("$version", record.Version));

    public void AppendProduction(SqliteConnection connection, SqliteTransaction transaction, ModelVersionRecord record) =>
        Execute(
            connection,
            transaction,
            "INSERT INTO production_history (symbol, kind, version) VALUES ($symbol, $kind, $version);",
            ("$symbol", record.Symbol),
            ("$kind", record.Kind),
            ("$version", record.Version));

    /// <summary>The production history newest first: the current production version, then the one before it, ...</summary>
    public IReadOnlyList<(long Sequence, int Version)> ProductionHistory(SqliteConnection connection, SqliteTransaction transaction, string symbol, string kind)
    {
        using var command = Command(connection, transaction, "SELECT sequence, version FROM production_history WHERE symbol = $symbol AND kind = $kind ORDER BY sequence DESC;", ("$symbol", symbol), ("$kind", kind));
        using var reader = command.ExecuteReader();
        var history = new List<(long, int)>();
        while (reader.Read())
        {
            history.Add((reader.GetInt64(0), reader.GetInt32(1)));
        }

        return history;
    }

    public void RemoveProductionEntry(SqliteConnection connection, SqliteTransaction transaction, long sequence) =>
        Execute(connection, transaction, "DELETE FROM production_history WHERE sequence = $sequence;", ("$sequence", sequence));

    private List<ModelVersionRecord> Query(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        using var reader = command.ExecuteReader();
        var records = new List<ModelVersionRecord>();
        while (reader.Read())
        {
            var symbol = reader.GetString(0);
            var kind = reader.GetString(1);
            var version = reader.GetInt32(2);
            records.Add(new ModelVersionRecord(
                symbol,
                kind,
                version,
                ModelStageText.Parse(reader.GetString(3)),
                reader.IsDBNull(4) ? null : reader.GetInt32(4),
                reader.GetString(5),
                DateTime.Parse(reader.GetString(6), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal),
                Path.Combine(root, symbol, kind, ModelVersionLabel.Format(version))));
        }

        return records;
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Command(connection, transaction, sql, parameters);
        command.ExecuteNonQuery();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }
}
