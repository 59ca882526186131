namespace PluginBot.Engine.Backtest;

/// <summary>One point of the equity curve.</summary>
/// <param name="Time">UTC time of the sample (the close of the bars handled so far).</param>
/// <param name="Equity">Cash plus positions at market.</param>
/// <param name="Cash">Cash alone.</param>
/// <param name="GrossExposure">Sum of absolute position values.</param>
public readonly record struct EquityPoint(DateTime Time, decimal Equity, decimal Cash, decimal GrossExposure);
