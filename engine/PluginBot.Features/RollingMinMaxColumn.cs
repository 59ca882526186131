using PluginBot.Indicators;

namespace PluginBot.Features;

/// <summary>
/// The rolling min-max position of an earlier column: (value − min)/(max − min) over that column's last n ready
/// values, in [0, 1]; 0.5 when the window is flat (no position claims an extreme).
/// </summary>
/// <remarks>
/// The rolling extremes come from <see cref="DonchianChannels"/> fed a bar whose high and low are both the value:
/// its upper and lower channel are then exactly the window's maximum and minimum, in amortised O(1) without a second
/// implementation of the monotonic-deque extremum.
/// </remarks>
internal sealed class RollingMinMaxColumn
{
    private readonly ColumnValues columns;
    private readonly int sourceIndex;
    private readonly DonchianChannels extremes;

    public RollingMinMaxColumn(ColumnValues columns, int sourceIndex, int period)
    {
        this.columns = columns;
        this.sourceIndex = sourceIndex;
        extremes = new DonchianChannels(period);
    }

    /// <summary>This bar's value (NaN while not ready); call exactly once per bar, after the source column.</summary>
    public double Compute()
    {
        var value = columns.Values[sourceIndex];
        if (double.IsNaN(value))
        {
            return double.NaN;
        }

        var sample = new BarSample(default, value, value, value, value, 0);
        extremes.Update(in sample);
        if (!extremes.IsReady)
        {
            return double.NaN;
        }

        var range = extremes.Upper - extremes.Lower;
        return range > 0 ? (value - extremes.Lower) / range : 0.5;
    }
}
