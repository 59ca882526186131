using System.Globalization;

namespace PluginBot.Data.Tests;

/// <summary>Locates the copied real data files and parses the decimal and time literals tests compare against.</summary>
internal static class TestFiles
{
    public static string Path(string fileName) => System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", fileName);

    public static decimal Decimal(string text) => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    public static DateTime Utc(string text) =>
        DateTime.SpecifyKind(DateTime.ParseExact(text, ["yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None), DateTimeKind.Utc);
}
