namespace PluginBot.Indicators.Tests.Infrastructure;

/// <summary>The two ways Lean feeds reference rows: the Close column alone, or a whole bar.</summary>
internal static class Feed
{
    public static void Close<TIndicator>(TIndicator indicator, ReferenceRow row)
        where TIndicator : IValueIndicator =>
        indicator.Update(row.Required("close"));

    public static void Bar<TIndicator>(TIndicator indicator, ReferenceRow row)
        where TIndicator : IBarIndicator =>
        indicator.Update(row.Bar);
}
