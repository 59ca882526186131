using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using PluginBot.Sdk.Orders;

namespace PluginBot.Persistence.Tests;

public sealed class TradingStoreFileTests : IDisposable
{
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Open_TextFile_ThrowsNamingTheFileAndLeavesItUnchanged()
    {
        var path = directory.File("notes.db");
        File.WriteAllText(path, "orders: none yet\n");

        var error = AssertRefusedUnchanged(path);

        Assert.Contains("SQLite format 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_ForeignSqliteDatabase_ThrowsNamingItsTablesAndLeavesItUnchanged()
    {
        var path = directory.File("crm.db");
        using (var store = TradingStore.Open(directory.File("init.db")))
        {
            // Opening a store loads the native SQLite library this test's raw connection needs.
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO customers (name) VALUES ('Ada');";
            command.ExecuteNonQuery();
        }

        var error = AssertRefusedUnchanged(path);

        Assert.Contains("application_id 0x50425453", error.Message, StringComparison.Ordinal);
        Assert.Contains("[customers]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_DamagedStore_ThrowsNamingTheFileAndLeavesItUnchanged()
    {
        var path = directory.File("host.db");
        using (var store = TradingStore.Open(path))
        {
            StoreEvents.FilledOrder(store, "alpha", "a-1", OrderSide.Buy, 1m, 100m, tradeId: 1);
        }

        // Overwrite page 1 after the 100-byte file header: the schema b-tree, without which nothing can be read.
        var bytes = File.ReadAllBytes(path);
        Array.Fill(bytes, (byte)0xAB, 100, 3996);
        File.WriteAllBytes(path, bytes);

        var error = AssertRefusedUnchanged(path);

        Assert.Contains("expected", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_StoreFromANewerSchema_ThrowsSayingWhichVersions()
    {
        var path = directory.File("host.db");
        using (TradingStore.Open(path))
        {
        }

        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_migrations (version) VALUES (99)";
            command.ExecuteNonQuery();
        }

        var error = AssertRefusedUnchanged(path);

        Assert.Contains("schema version 99", error.Message, StringComparison.Ordinal);
        Assert.Contains($"up to version {TradingStore.SchemaVersion}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_StoreAlreadyOpenElsewhere_IsRefusedAsLocked()
    {
        var path = directory.File("host.db");
        using var first = TradingStore.Open(path);

        var error = Assert.Throws<TradingStoreException>(() => TradingStore.Open(path));

        Assert.Contains("locked by another process", error.Message, StringComparison.Ordinal);
        Assert.Equal(Path.GetFullPath(path), error.Path);
    }

    [Fact]
    public void Open_EmptyFile_BecomesAStore()
    {
        var path = directory.File("host.db");
        File.WriteAllBytes(path, []);

        using var store = TradingStore.Open(path);

        Assert.Equal(1, store.Load("alpha").NextOrderSequence);
    }

    private TradingStoreException AssertRefusedUnchanged(string path)
    {
        var hashBefore = SHA256.HashData(File.ReadAllBytes(path));
        var filesBefore = Directory.GetFiles(directory.Path).Order(StringComparer.Ordinal).ToArray();

        var error = Assert.Throws<TradingStoreException>(() => TradingStore.Open(path));

        Assert.Contains(Path.GetFullPath(path), error.Message, StringComparison.Ordinal);
        Assert.Contains("left unchanged", error.Message, StringComparison.Ordinal);
        Assert.Equal(Convert.ToHexString(hashBefore), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));
        Assert.Equal(filesBefore, Directory.GetFiles(directory.Path).Order(StringComparer.Ordinal).ToArray());
        return error;
    }
}
