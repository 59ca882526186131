using PluginBot.Indicators;

namespace PluginBot.Features;

/// <summary>
/// The rolling z-score of an earlier column: (value − mean)/σ over that column's last n ready values (population σ).
/// It re-expresses a feature relative to its own recent history, so a model sees "unusually high for now" rather
/// than a level that drifts with the market. 0 when the window shows no variation.
/// </summary>
/// <remarks>The window holds only ready values of the source, so it becomes ready n bars after the source does.</remarks>
internal sealed class RollingZScoreColumn
{
    private readonly ColumnValues columns;
    private readonly int sourceIndex;
    private readonly RollingStandardDeviation deviation;

    public RollingZScoreColumn(ColumnValues columns, int sourceIndex, int period)
    {
        this.columns = columns;
        this.sourceIndex = sourceIndex;
        deviation = new RollingStandardDeviation(period);
    }

    /// <summary>This bar's value (NaN while not ready); call exactly once per bar, after the source column.</summary>
    public double Compute()
    {
        var value = columns.Values[sourceIndex];
        if (double.IsNaN(value))
        {
            return double.NaN;
        }

        deviation.Update(value);
        if (!deviation.IsReady)
        {
            return double.NaN;
        }

        return deviation.Value > 0 ? (value - deviation.Mean) / deviation.Value : 0;
    }
}
