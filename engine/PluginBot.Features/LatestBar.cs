using PluginBot.Indicators;

namespace PluginBot.Features;

/// <summary>
/// The bar being processed, shared by reference with the columns that need raw prices or the time (distances from
/// averages, relative volume, calendar features). It only ever holds the current bar, never a later one.
/// </summary>
internal sealed class LatestBar
{
    /// <summary>The current bar (default before the first update).</summary>
    public BarSample Current;

    /// <summary>Records the bar; registered as a feature set's first step.</summary>
    public void Update(in BarSample bar) => Current = bar;
}
