namespace PluginBot.Indicators;

/// <summary>
/// What every indicator shares. Indicators update in O(1) per sample (or O(window) where documented) and
/// allocate nothing per update, so they can run on every bar of every symbol.
/// </summary>
public interface IIndicator
{
    /// <summary>True once enough samples have been seen for <see cref="Value"/> to mean what it says.</summary>
    bool IsReady { get; }

    /// <summary>How many samples are needed before <see cref="IsReady"/>.</summary>
    int WarmUpPeriod { get; }

    /// <summary>How many samples have been seen since construction or the last <see cref="Reset"/>.</summary>
    int Samples { get; }

    /// <summary>The main output (0 until ready unless documented otherwise).</summary>
    double Value { get; }

    /// <summary>Forgets every sample: the indicator behaves as if just constructed.</summary>
    void Reset();
}
