using PluginBot.Sdk.Market;

namespace PluginBot.Models.Training;

/// <summary>
/// The future-free regime rule behind <c>--regime</c>: at bar t, realised volatility (population standard deviation
/// of the last <see cref="VolatilityPeriod"/> one-bar log returns) is ranked against its own last
/// <see cref="HistoryPeriod"/> values including t's. A rank at or above the median is
/// <see cref="HighVolatility"/>, below it <see cref="LowVolatility"/>. Only bars up to t are read, so filtering
/// training rows by regime cannot leak the future, and the engine can apply the same rule live.
/// </summary>
public sealed class VolatilityRegimeClassifier
{
    /// <summary>Regime name of rows whose volatility is at or above its recent median.</summary>
    public const string HighVolatility = "high-volatility";

    /// <summary>Regime name of rows whose volatility is below its recent median.</summary>
    public const string LowVolatility = "low-volatility";

    private readonly double[] returns;
    private readonly double[] history;
    private decimal? previousClose;
    private int returnCount;
    private int historyCount;

    /// <summary>Creates a classifier; the defaults suit minute bars (20-minute volatility, two-hour history).</summary>
    public VolatilityRegimeClassifier(int volatilityPeriod = 20, int historyPeriod = 120)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(volatilityPeriod, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(historyPeriod, 2);
        VolatilityPeriod = volatilityPeriod;
        HistoryPeriod = historyPeriod;
        returns = new double[volatilityPeriod];
        history = new double[historyPeriod];
    }

    /// <summary>The regime names this rule produces.</summary>
    public static IReadOnlyList<string> Regimes { get; } = [HighVolatility, LowVolatility];

    /// <summary>Returns per volatility estimate.</summary>
    public int VolatilityPeriod { get; }

    /// <summary>Volatility values the current one is ranked against.</summary>
    public int HistoryPeriod { get; }

    /// <summary>Feeds the next bar and returns its regime, or null while fewer than the needed bars were seen.</summary>
    public string? Update(in Bar bar)
    {
        var close = bar.Close;
        if (previousClose is { } previous)
        {
            returns[returnCount % VolatilityPeriod] = Math.Log((double)close / (double)previous);
            returnCount++;
        }

        previousClose = close;
        if (returnCount < VolatilityPeriod)
        {
            return null;
        }

        var volatility = PopulationDeviation(returns);
        history[historyCount % HistoryPeriod] = volatility;
        historyCount++;
        if (historyCount < HistoryPeriod)
        {
            return null;
        }

        var below = 0;
        foreach (var value in history)
        {
            if (value < volatility)
            {
                below++;
            }
        }

        return below * 2 >= HistoryPeriod ? HighVolatility : LowVolatility;
    }

    private static double PopulationDeviation(double[] values)
    {
        var mean = values.Average();
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += (value - mean) * (value - mean);
        }

        return Math.Sqrt(sum / values.Length);
    }
}
