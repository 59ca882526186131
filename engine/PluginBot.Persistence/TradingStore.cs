using Microsoft.Data.Sqlite;
using PluginBot.Persistence.Storage;

namespace PluginBot.Persistence;

/// <summary>
/// The durable memory of one live or paper host: orders and their state history, fills, position and balance
/// snapshots, decision records, the versions in use and every swap, in one SQLite file. The file runs in WAL mode with
/// synchronous=FULL, so a committed <see cref="TradingStoreBatch"/> survives a power cut or a SIGKILL and an
/// uncommitted one leaves no trace. The file is opened in exclusive locking mode: two hosts writing the same store would
/// hand out the same client order ids, so the second one is refused.
/// </summary>
/// <remarks>Thread-safe: operations are serialised; a batch holds the store from <see cref="BeginBatch"/> to commit or dispose.</remarks>
public sealed class TradingStore : IDisposable
{
    private static readonly Lazy<bool> NativeLibrary = new(() =>
    {
        SQLitePCL.Batteries_V2.Init();
        return true;
    });

    private readonly SqliteConnection connection;
    private readonly SemaphoreSlim gate = new(1, 1);
    private bool disposed;

    private TradingStore(string path, SqliteConnection connection)
    {
        Path = path;
        this.connection = connection;
    }

    /// <summary>The schema version this build writes; recorded in the file's migrations table.</summary>
    public static int SchemaVersion => StoreSchema.CurrentVersion;

    /// <summary>The store file.</summary>
    public string Path { get; }

    /// <summary>
    /// Opens the store at <paramref name="path"/>, creating it when the file is missing or empty and migrating an older
    /// schema. Any other file is checked first through a read-only connection and refused untouched when it is not a
    /// PluginBot store, is damaged or was written by a newer version.
    /// </summary>
    /// <exception cref="TradingStoreException">The file cannot be used; the message names it and says what was expected.</exception>
    public static TradingStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _ = NativeLibrary.Value;
        var fullPath = System.IO.Path.GetFullPath(path);
        StoreFileValidator.Validate(fullPath);
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = fullPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 5,
        }.ToString());
        try
        {
            connection.Open();
            using (var pragmas = SqliteValues.Command(connection, null,
                       "PRAGMA locking_mode = EXCLUSIVE; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;"))
            {
                pragmas.ExecuteNonQuery();
            }

            StoreSchema.Migrate(connection);
            return new TradingStore(fullPath, connection);
        }
        catch (SqliteException exception)
        {
            connection.Dispose();
            var reason = exception.SqliteErrorCode is 5 or 6
                ? "it is locked by another process (is another pluginbot host using this store?)"
                : $"SQLite reports: {exception.Message}";
            throw new TradingStoreException(fullPath, $"{fullPath}: expected a writable PluginBot trading store, but {reason}.", exception);
        }
    }

    /// <summary>Starts a transaction; see <see cref="TradingStoreBatch"/>. Waits while another batch is open.</summary>
    public TradingStoreBatch BeginBatch()
    {
        Enter();
        try
        {
            return new TradingStoreBatch(connection, () => gate.Release());
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    /// <summary>
    /// Restores <paramref name="strategy"/>: its orders with their latest state and history, its fills, positions
    /// recomputed from the fills (checked against the last snapshots), balances, the next client-order sequence, the
    /// latest <paramref name="recentDecisionCount"/> decisions, the versions in use and its swaps. A strategy never
    /// stored restores empty with sequence 1.
    /// </summary>
    public StrategyRestore Load(string strategy, int recentDecisionCount = 100)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentOutOfRangeException.ThrowIfNegative(recentDecisionCount);
        return Read(() => StoreReader.Load(connection, strategy, recentDecisionCount));
    }

    /// <summary>Decision records of <paramref name="strategy"/> with a sequence above <paramref name="afterSequence"/>, oldest first, at most <paramref name="limit"/>: one page of the audit trail.</summary>
    public IReadOnlyList<StoredDecision> ReadDecisions(string strategy, long afterSequence, int limit)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(strategy);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        return Read(() => StoreReader.ReadDecisions(connection, strategy, afterSequence, limit));
    }

    /// <summary>Every strategy the store holds anything for, sorted; a restarting host restores each.</summary>
    public IReadOnlyList<string> ListStrategies() => Read(() => StoreReader.ReadStrategies(connection));

    /// <summary>How far <paramref name="strategy"/>'s feed got: the end time of the last fully handled bar and how many bars were handled; null for a strategy never run.</summary>
    public (DateTime LastHandledBarEnd, long BarsHandled)? ReadCursor(string strategy) => Read(() =>
    {
        using var query = SqliteValues.Command(connection, null, "SELECT last_handled, bars_handled FROM feed_cursors WHERE strategy = $strategy", ("$strategy", strategy));
        using var reader = query.ExecuteReader();
        return reader.Read() ? (new DateTime(reader.GetInt64(0), DateTimeKind.Utc), reader.GetInt64(1)) : ((DateTime, long)?)null;
    });

    /// <summary>A piece of operator state recorded with <see cref="TradingStoreBatch.RecordSetting"/>, or null.</summary>
    public string? ReadSetting(string key) => Read(() =>
    {
        using var query = SqliteValues.Command(connection, null, "SELECT value FROM host_settings WHERE key = $key", ("$key", key));
        return query.ExecuteScalar() as string;
    });

    /// <summary>Closes the file; committed batches are already durable, an open batch is rolled back.</summary>
    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        connection.Dispose();
        gate.Dispose();
    }

    private T Read<T>(Func<T> read)
    {
        Enter();
        try
        {
            // The gate keeps writers out, so the queries of one restore all see the same state of the file.
            return read();
        }
        finally
        {
            gate.Release();
        }
    }

    private void Enter()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        gate.Wait();
    }
}
