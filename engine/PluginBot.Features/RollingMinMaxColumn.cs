namespace PluginBot.Features;

/// <summary>
/// The rolling min-max position of an earlier column: (value − min)/(max − min) over that column's last n ready
/// values, in [0, 1]; 0.5 when the window is flat (no position claims an extreme).
/// </summary>
/// <remarks>The window holds only ready values of the source, so it becomes ready n bars after the source does.</remarks>
internal sealed class RollingMinMaxColumn
{
    private readonly ColumnValues columns;
    private readonly int sourceIndex;
    private readonly RollingRange extremes;

    public RollingMinMaxColumn(ColumnValues columns, int sourceIndex, int period)
    {
        this.columns = columns;
        this.sourceIndex = sourceIndex;
        extremes = new RollingRange(period);
    }

    /// <summary>This bar's value (NaN while not ready); call exactly once per bar, after the source column.</summary>
    public double Compute()
    {
        var value = columns.Values[sourceIndex];
        if (double.IsNaN(value))
        {
            return double.NaN;
        }

        extremes.Add(value);
        if (!extremes.IsFull)
        {
            return double.NaN;
        }

        var range = extremes.Maximum - extremes.Minimum;
        return range > 0 ? (value - extremes.Minimum) / range : 0.5;
    }
}
