using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PluginBot.Persistence.Storage;

/// <summary>
/// Decides, without writing anything, whether an existing file may be opened as a trading store. Everything here reads
/// through a read-only connection: a file that turns out to be someone else's database, or a damaged one, must be left
/// exactly as it was so it can still be inspected or recovered.
/// </summary>
internal static class StoreFileValidator
{
    private static readonly byte[] SqliteHeader = Encoding.ASCII.GetBytes("SQLite format 3\0");

    /// <summary>Throws <see cref="TradingStoreException"/> when <paramref name="path"/> exists and is not a usable store.</summary>
    public static void Validate(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists || file.Length == 0)
        {
            // Missing or empty: a new store is created there.
            return;
        }

        CheckHeader(path);

        // A reader of a WAL-mode file creates the -wal and -shm side files. When the file is refused, those are
        // removed again so a refused file is left exactly as found; when it is accepted, the writer reuses them.
        var sideFiles = new[] { path + "-wal", path + "-shm" }.Where(side => !File.Exists(side)).ToArray();
        try
        {
            ValidateContent(path);
        }
        catch (TradingStoreException)
        {
            SqliteConnection.ClearAllPools();
            foreach (var side in sideFiles)
            {
                File.Delete(side);
            }

            throw;
        }
    }

    private static void ValidateContent(string path)
    {
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false, DefaultTimeout = 2 }.ToString());
            connection.Open();
            CheckIntegrity(path, connection);
            CheckOwnership(path, connection);
            var version = StoreSchema.ReadVersion(connection);
            if (version > StoreSchema.CurrentVersion)
            {
                throw new TradingStoreException(path, string.Create(CultureInfo.InvariantCulture,
                    $"{path}: the trading store has schema version {version}, written by a newer PluginBot; this build understands up to version {StoreSchema.CurrentVersion}. The file was left unchanged."));
            }
        }
        catch (SqliteException exception) when (exception.SqliteErrorCode is 5 or 6)
        {
            throw new TradingStoreException(path,
                $"{path}: the trading store is locked by another process (is another pluginbot host using it?); a store has one writer so client order ids are never handed out twice.",
                exception);
        }
        catch (SqliteException exception)
        {
            throw new TradingStoreException(path, $"{path}: expected a readable PluginBot trading store (an SQLite database), but SQLite reports: {exception.Message}. The file was left unchanged.", exception);
        }
    }

    private static void CheckHeader(string path)
    {
        var header = new byte[SqliteHeader.Length];
        int read;
        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
        {
            read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            throw new TradingStoreException(path,
                $"{path}: expected a PluginBot trading store (an SQLite 3 database starting with the header \"SQLite format 3\"), but the file starts with other bytes: it is not a database or is damaged. The file was left unchanged.");
        }
    }

    private static void CheckIntegrity(string path, SqliteConnection connection)
    {
        using var check = SqliteValues.Command(connection, null, "PRAGMA quick_check");
        using var reader = check.ExecuteReader();
        var problems = new List<string>();
        while (reader.Read())
        {
            var line = reader.GetString(0);
            if (!string.Equals(line, "ok", StringComparison.Ordinal))
            {
                problems.Add(line);
            }
        }

        if (problems.Count > 0)
        {
            throw new TradingStoreException(path,
                $"{path}: expected an intact PluginBot trading store, but SQLite's integrity check found damage: {string.Join("; ", problems.Take(5))}. The file was left unchanged.");
        }
    }

    private static void CheckOwnership(string path, SqliteConnection connection)
    {
        using var idCommand = SqliteValues.Command(connection, null, "PRAGMA application_id");
        var applicationId = (int)(long)idCommand.ExecuteScalar()!;
        if (applicationId == StoreSchema.ApplicationId)
        {
            return;
        }

        using var tablesCommand = SqliteValues.Command(connection, null, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
        using var reader = tablesCommand.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read())
        {
            tables.Add(reader.GetString(0));
        }

        if (applicationId == 0 && tables.Count == 0)
        {
            // An empty SQLite database (for example made by `sqlite3 file ""`) holds nothing to lose; it becomes a store.
            return;
        }

        throw new TradingStoreException(path, string.Create(CultureInfo.InvariantCulture,
            $"{path}: expected a PluginBot trading store (SQLite application_id 0x{StoreSchema.ApplicationId:X8} with a schema_migrations table), but found application_id 0x{applicationId:X8} with tables [{string.Join(", ", tables)}]: it belongs to another application. The file was left unchanged."));
    }
}
