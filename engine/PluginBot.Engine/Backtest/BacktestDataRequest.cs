using PluginBot.Data;
using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Backtest;

/// <summary>Which data a backtest reads and how.</summary>
/// <param name="Files">Bar files (OHLCV CSV or Binance kline CSV).</param>
/// <param name="OnBadRow">Fail on the first bad row (default) or skip and count bad rows.</param>
/// <param name="Interval">Resample every file to this interval; required when files differ.</param>
/// <param name="From">Keep bars starting at or after this UTC time.</param>
/// <param name="To">Keep bars starting before this UTC time.</param>
public sealed record BacktestDataRequest(
    IReadOnlyList<string> Files,
    BadRowPolicy OnBadRow = BadRowPolicy.Fail,
    BarInterval? Interval = null,
    DateTime? From = null,
    DateTime? To = null);
