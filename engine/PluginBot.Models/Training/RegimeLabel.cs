using System.Globalization;
using PluginBot.Sdk.Market;

namespace PluginBot.Models.Training;

/// <summary>
/// The label <c>regime:N</c> (or <c>regime:N:H</c>): which of the four market regimes the NEXT N bars turned out to
/// be, judged against what was normal up to bar t. Two numbers describe a window of N one-bar log returns: its
/// realised volatility (population standard deviation, as in <see cref="VolatilityRegimeClassifier"/>) and its
/// efficiency ratio (net close-to-close move over the sum of absolute bar moves; 0 when price did not move).
/// The future window is bars t+1..t+N; each of the two numbers is ranked against the same number of the H trailing
/// windows ending at t−H+1..t (known at t), with ties counting half. Then, in this order:
/// <list type="number">
/// <item>volatility rank at or above 1 − <see cref="VolatilityTail"/> → <c>highVolatility</c>;</item>
/// <item>volatility rank at or below <see cref="VolatilityTail"/> → <c>lowVolatility</c>;</item>
/// <item>efficiency rank above one half (more directional than the trailing median) → <c>trending</c>;</item>
/// <item>otherwise → <c>ranging</c>.</item>
/// </list>
/// Ranking against the trailing history rather than fixed thresholds makes the rule scale-free: it means the same
/// on minute and daily bars and for any N (a random walk's efficiency ratio shrinks like 1/√N). Volatility comes
/// first because the tails are what a risk manager must react to whatever the direction. The label reads closes
/// t−H−N+1..t+N only; features read bars up to t, so a model trained on it predicts the coming regime without
/// having seen it.
/// </summary>
/// <param name="Horizon">N, how many bars ahead the regime is judged over; at least 2 (one return has no spread).</param>
/// <param name="HistoryLength">H, how many trailing windows the future one is ranked against; at least 2.</param>
public sealed record RegimeLabel(int Horizon, int HistoryLength = RegimeLabel.DefaultHistoryLength) : ITrainingLabel
{
    /// <summary>The text before the horizon.</summary>
    public const string Prefix = "regime:";

    /// <summary>Trailing windows ranked against when the label name gives none: two hours of minute bars.</summary>
    public const int DefaultHistoryLength = 120;

    /// <summary>The share of the trailing distribution in each volatility tail (the same fifth regime-rules uses).</summary>
    public const double VolatilityTail = 0.2;

    /// <summary>Class index of a high-volatility future.</summary>
    public const int HighVolatility = 0;

    /// <summary>Class index of a low-volatility future.</summary>
    public const int LowVolatility = 1;

    /// <summary>Class index of a directional future of ordinary volatility.</summary>
    public const int Trending = 2;

    /// <summary>Class index of a back-and-forth future of ordinary volatility.</summary>
    public const int Ranging = 3;

    // The names compositions use for MarketRegime, in its order, so a served model's columns map by name.
    private static readonly string[] RegimeClasses = ["highVolatility", "lowVolatility", "trending", "ranging"];

    /// <summary>Output column names in class-index order: highVolatility, lowVolatility, trending, ranging.</summary>
    public IReadOnlyList<string> Classes => RegimeClasses;

    /// <inheritdoc />
    public string Name => ToString();

    /// <summary>"regime": these models feed a regime detector, not an expert.</summary>
    public string KindPrefix => "regime";

    /// <summary>The first bar that has a full trailing history: H + N − 1.</summary>
    public int FirstLabelledIndex => HistoryLength + Horizon - 1;

    /// <summary>Reads "regime:15" or "regime:15:240".</summary>
    /// <exception cref="FormatException">Any other text, a horizon below 2 or a history below 2.</exception>
    public static RegimeLabel Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var parts = text[Prefix.Length..].Split(':');
            if (parts.Length is 1 or 2
                && TryReadCount(parts[0], out var horizon)
                && horizon >= 2)
            {
                if (parts.Length == 1)
                {
                    return new RegimeLabel(horizon);
                }

                if (TryReadCount(parts[1], out var history) && history >= 2)
                {
                    return new RegimeLabel(horizon, history);
                }
            }
        }

        throw new FormatException($"'{text}' is not a regime label: expected regime:N or regime:N:H with N (bars ahead) and H (trailing windows, default {DefaultHistoryLength}) whole numbers of at least 2, e.g. regime:15.");
    }

    /// <summary>
    /// The regime class of bar <paramref name="index"/>, or null before <see cref="FirstLabelledIndex"/> or when the
    /// series ends before t + N.
    /// </summary>
    public int? LabelAt(IReadOnlyList<Bar> bars, int index)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        if (index < FirstLabelledIndex || index + Horizon >= bars.Count)
        {
            return null;
        }

        var (futureVolatility, futureEfficiency) = Measure(bars, index + Horizon);
        var volatilityRank = 0.0;
        var efficiencyRank = 0.0;
        for (var end = index - HistoryLength + 1; end <= index; end++)
        {
            var (volatility, efficiency) = Measure(bars, end);
            volatilityRank += RankContribution(volatility, futureVolatility);
            efficiencyRank += RankContribution(efficiency, futureEfficiency);
        }

        volatilityRank /= HistoryLength;
        efficiencyRank /= HistoryLength;
        if (volatilityRank >= 1 - VolatilityTail)
        {
            return HighVolatility;
        }

        if (volatilityRank <= VolatilityTail)
        {
            return LowVolatility;
        }

        return efficiencyRank > 0.5 ? Trending : Ranging;
    }

    /// <summary>"regime:N", with ":H" only when the history is not the default, so the name read back is the same label.</summary>
    public override string ToString() =>
        HistoryLength == DefaultHistoryLength
            ? Prefix + Horizon.ToString(CultureInfo.InvariantCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{Prefix}{Horizon}:{HistoryLength}");

    private static bool TryReadCount(string text, out int value) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);

    /// <summary>A trailing value below the one ranked counts 1, an equal one ½, so a flat history puts any equal value at the median.</summary>
    private static double RankContribution(double trailing, double ranked) =>
        trailing < ranked ? 1 : trailing == ranked ? 0.5 : 0;

    /// <summary>Volatility and efficiency of the N returns of bars end−N+1..end (each against the bar before).</summary>
    private (double Volatility, double Efficiency) Measure(IReadOnlyList<Bar> bars, int end)
    {
        var first = end - Horizon + 1;
        var sum = 0.0;
        var path = 0m;
        for (var bar = first; bar <= end; bar++)
        {
            sum += LogReturn(bars, bar);
            path += Math.Abs(bars[bar].Close - bars[bar - 1].Close);
        }

        // Two passes rather than E[x²] − E[x]²: equal windows then give exactly equal volatilities, which the ranking's ties rely on.
        var mean = sum / Horizon;
        var squares = 0.0;
        for (var bar = first; bar <= end; bar++)
        {
            var deviation = LogReturn(bars, bar) - mean;
            squares += deviation * deviation;
        }

        var efficiency = path == 0 ? 0 : (double)(Math.Abs(bars[end].Close - bars[end - Horizon].Close) / path);
        return (Math.Sqrt(squares / Horizon), efficiency);
    }

    private static double LogReturn(IReadOnlyList<Bar> bars, int bar) => Math.Log((double)bars[bar].Close / (double)bars[bar - 1].Close);
}
