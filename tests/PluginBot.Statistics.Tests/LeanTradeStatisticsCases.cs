using System.Globalization;
using System.Text.Json;
using PluginBot.Statistics;

namespace PluginBot.Statistics.Tests;

/// <summary>
/// Reads Lean's trade statistics cases (TestData/trade_statistics_cases.json, Apache-2.0, license beside it):
/// six hand-built trade lists, each with the 38 statistics Lean expects, as exact decimal strings.
/// </summary>
internal static class LeanTradeStatisticsCases
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "trade_statistics_cases.json"))));

    /// <summary>The names of the cases, in file order ("NoTrades", "ThreeWinners", ...).</summary>
    public static IEnumerable<string> Names() =>
        Cases().Select(element => element.GetProperty("test").GetString()!);

    /// <summary>The trades of one case, as closed trades with UTC times.</summary>
    public static IReadOnlyList<ClosedTrade> Trades(string name) =>
        Case(name).GetProperty("trades").EnumerateArray().Select(ToTrade).ToList();

    /// <summary>The expected statistics of one case: Lean's name mapped to its text (null for a missing time).</summary>
    public static IReadOnlyDictionary<string, string?> Expected(string name) =>
        Case(name).GetProperty("expected").EnumerateObject().ToDictionary(property => property.Name, property => property.Value.GetString());

    /// <summary>Parses a time written without a zone; the file's times are the trades' UTC times.</summary>
    public static DateTime ParseTime(string text) =>
        DateTime.SpecifyKind(DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc);

    /// <summary>Parses an exact decimal string. Strings with more digits than decimal holds round to 28-29 digits,
    /// exactly as the C# compiler rounded the same literals in Lean's test.</summary>
    public static decimal ParseDecimal(string text) =>
        decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static IEnumerable<JsonElement> Cases() => Document.Value.RootElement.GetProperty("cases").EnumerateArray();

    private static JsonElement Case(string name) =>
        Cases().Single(element => element.GetProperty("test").GetString() == name);

    private static ClosedTrade ToTrade(JsonElement trade) => new()
    {
        Symbol = trade.GetProperty("Symbol").GetString()!,
        EntryTime = ParseTime(trade.GetProperty("EntryTime").GetString()!),
        ExitTime = ParseTime(trade.GetProperty("ExitTime").GetString()!),
        Direction = Enum.Parse<TradeDirection>(trade.GetProperty("Direction").GetString()!),
        Quantity = Money(trade, "Quantity"),
        EntryPrice = Money(trade, "EntryPrice"),
        ExitPrice = Money(trade, "ExitPrice"),
        ProfitLoss = Money(trade, "ProfitLoss"),
        TotalFees = Money(trade, "TotalFees"),
        MaximumAdverseExcursion = Money(trade, "MAE"),
        MaximumFavorableExcursion = Money(trade, "MFE"),
        EndTradeDrawdown = Money(trade, "EndTradeDrawdown"),
    };

    private static decimal Money(JsonElement trade, string name) => ParseDecimal(trade.GetProperty(name).GetString()!);
}
