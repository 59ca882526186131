using System.Globalization;
using PluginBot.Sdk.Market;

namespace PluginBot.Models.Training;

/// <summary>
/// The label <c>forward-return:H</c>: whether the close H bars after bar t is above the close of bar t. "Bars", not
/// minutes, because the data has gaps (minutes without trades) and a model is served bar by bar. A return of exactly
/// zero counts as down: "up" then means "a long position opened at t's close would have gained", which is what a
/// direction expert votes on.
/// </summary>
/// <param name="Horizon">H, how many bars ahead; at least 1.</param>
public sealed record ForwardReturnLabel(int Horizon) : ITrainingLabel
{
    private static readonly string[] DirectionClasses = ["down", "up"];

    /// <summary>The text before the horizon.</summary>
    public const string Prefix = "forward-return:";

    /// <summary>Class index of a non-positive forward return.</summary>
    public const int Down = 0;

    /// <summary>Class index of a positive forward return.</summary>
    public const int Up = 1;

    /// <summary>Output column names in class-index order: "down", "up".</summary>
    public IReadOnlyList<string> Classes => DirectionClasses;

    /// <inheritdoc />
    public string Name => ToString();

    /// <summary>"direction": these models vote on a side.</summary>
    public string KindPrefix => "direction";

    /// <summary>Reads "forward-return:15".</summary>
    /// <exception cref="FormatException">Any other text, or a horizon below 1.</exception>
    public static ForwardReturnLabel Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var horizon)
            && horizon >= 1)
        {
            return new ForwardReturnLabel(horizon);
        }

        throw new FormatException($"'{text}' is not a label: expected forward-return:H with H a whole number of bars of at least 1, e.g. forward-return:15.");
    }

    /// <summary>
    /// The class of bar <paramref name="index"/>, or null when the series ends before the horizon. Reads only the
    /// closes of bars <paramref name="index"/> and <paramref name="index"/> + H.
    /// </summary>
    public int? LabelAt(IReadOnlyList<Bar> bars, int index)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        var future = index + Horizon;
        if (future >= bars.Count)
        {
            return null;
        }

        return bars[future].Close > bars[index].Close ? Up : Down;
    }

    /// <summary>"forward-return:H".</summary>
    public override string ToString() => Prefix + Horizon.ToString(CultureInfo.InvariantCulture);
}
