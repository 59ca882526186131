namespace PluginBot.Data;

/// <summary>
/// What the reader does with a row that fails validation. Research on a known-dirty vendor file wants
/// <see cref="Skip"/>; a backtest that must be reproducible wants <see cref="Fail"/> so bad data is never silent.
/// </summary>
public enum BadRowPolicy
{
    /// <summary>Stop at the first bad row with a <see cref="MarketDataFormatException"/> naming file, line and problem.</summary>
    Fail,

    /// <summary>Drop the bad row, count it in <see cref="BarSeries.SkippedRows"/> and remember why in <see cref="BarSeries.SkippedRowReasons"/>.</summary>
    Skip,
}
