using System.Globalization;
using Microsoft.Data.Sqlite;

namespace PluginBot.Persistence.Storage;

/// <summary>
/// How values are written to SQLite. Decimals go in as invariant text because SQLite's REAL is a double and would
/// round prices and quantities; times go in as UTC ticks so they come back to the tick.
/// </summary>
internal static class SqliteValues
{
    public static string FromDecimal(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    public static object FromDecimal(decimal? value) => value.HasValue ? FromDecimal(value.Value) : DBNull.Value;

    public static long FromTime(DateTime time) => time.Ticks;

    public static object FromText(string? text) => text is null ? DBNull.Value : text;

    public static decimal ReadDecimal(SqliteDataReader reader, int ordinal) =>
        decimal.Parse(reader.GetString(ordinal), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);

    public static decimal? ReadNullableDecimal(SqliteDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : ReadDecimal(reader, ordinal);

    public static DateTime ReadTime(SqliteDataReader reader, int ordinal) => new(reader.GetInt64(ordinal), DateTimeKind.Utc);

    public static string? ReadNullableText(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, params (string Name, object Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return command;
    }
}
