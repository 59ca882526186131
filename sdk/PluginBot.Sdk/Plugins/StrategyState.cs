using System.Globalization;

namespace PluginBot.Sdk.Plugins;

/// <summary>
/// What a strategy hands to its next version on a hot reload: named numbers, texts and number series. Plain values
/// only, owned by the SDK, so the old and the new version (two different assemblies) can both read them and
/// nothing of the old version's types keeps its code loaded.
/// </summary>
public sealed class StrategyState
{
    private readonly Dictionary<string, double> numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> amounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> texts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double[]> series = new(StringComparer.Ordinal);

    /// <summary>A version number the strategy chooses for its state layout, so a new version can refuse an old layout.</summary>
    public int Layout { get; set; }

    /// <summary>Every key set, in ordinal order.</summary>
    public IReadOnlyList<string> Keys =>
        numbers.Keys.Concat(amounts.Keys).Concat(texts.Keys).Concat(series.Keys).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Stores a floating-point value.</summary>
    public void SetNumber(string key, double value) => numbers[key] = value;

    /// <summary>Stores an exact amount (a price, a quantity).</summary>
    public void SetAmount(string key, decimal value) => amounts[key] = value;

    /// <summary>Stores a text.</summary>
    public void SetText(string key, string value) => texts[key] = value;

    /// <summary>Stores a series of numbers (copied), for example recent closes.</summary>
    public void SetSeries(string key, ReadOnlySpan<double> values) => series[key] = values.ToArray();

    /// <summary>Reads a floating-point value.</summary>
    public bool TryGetNumber(string key, out double value) => numbers.TryGetValue(key, out value);

    /// <summary>Reads an exact amount.</summary>
    public bool TryGetAmount(string key, out decimal value) => amounts.TryGetValue(key, out value);

    /// <summary>Reads a text.</summary>
    public bool TryGetText(string key, out string value)
    {
        var found = texts.TryGetValue(key, out var text);
        value = text ?? string.Empty;
        return found;
    }

    /// <summary>Reads a series of numbers (a copy).</summary>
    public bool TryGetSeries(string key, out double[] values)
    {
        var found = series.TryGetValue(key, out var stored);
        values = found ? (double[])stored!.Clone() : [];
        return found;
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"layout {Layout}: {string.Join(", ", Keys)}");
}
