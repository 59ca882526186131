using System.Globalization;

namespace PluginBot.Data;

/// <summary>
/// The sanity rules every OHLCV row must satisfy before it may reach a backtest: a row that breaks one is a vendor or
/// conversion error, and trading on it would produce fills at prices that never traded.
/// </summary>
internal static class BarPriceValidator
{
    /// <summary>Returns null when the values form a possible bar, otherwise the first broken rule with the values involved.</summary>
    public static string? Check(decimal open, decimal high, decimal low, decimal close, decimal volume)
    {
        if (open <= 0)
        {
            return $"open {Format(open)} is not a positive price";
        }

        if (high <= 0)
        {
            return $"high {Format(high)} is not a positive price";
        }

        if (low <= 0)
        {
            return $"low {Format(low)} is not a positive price";
        }

        if (close <= 0)
        {
            return $"close {Format(close)} is not a positive price";
        }

        if (high < low)
        {
            return $"high {Format(high)} is below low {Format(low)}";
        }

        if (open < low || open > high)
        {
            return $"open {Format(open)} is outside the bar's range [low {Format(low)}, high {Format(high)}]";
        }

        if (close < low || close > high)
        {
            return $"close {Format(close)} is outside the bar's range [low {Format(low)}, high {Format(high)}]";
        }

        if (volume < 0)
        {
            return $"volume {Format(volume)} is negative";
        }

        return null;
    }

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
