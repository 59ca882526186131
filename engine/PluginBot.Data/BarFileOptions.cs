using PluginBot.Sdk.Market;

namespace PluginBot.Data;

/// <summary>
/// How to read one bar file. Every value is optional because the file name and header usually say enough;
/// an explicit value wins over what is inferred, so a renamed file can still be read correctly.
/// </summary>
/// <param name="Symbol">The symbol to stamp on every bar; null infers it from the file name.</param>
/// <param name="Interval">The bar length; null infers it from the file name, the Binance close time or the smallest time step.</param>
/// <param name="OnBadRow">Whether a bad row stops the read or is skipped and counted.</param>
/// <param name="TimeZone">
/// The zone the file's local times are written in, overriding the header's suffix (_UTC, _ET). Ignored for Binance
/// kline files, whose epoch timestamps are already UTC.
/// </param>
public sealed record BarFileOptions(
    string? Symbol = null,
    BarInterval? Interval = null,
    BadRowPolicy OnBadRow = BadRowPolicy.Fail,
    TimeZoneInfo? TimeZone = null)
{
    /// <summary>Options that infer everything and fail on the first bad row.</summary>
    public static BarFileOptions Default { get; } = new();
}
