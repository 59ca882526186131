namespace PluginBot.Features;

/// <summary>
/// How one feature's value is produced after the set's indicators have taken the new bar. Columns are evaluated
/// exactly once per bar in schema order, so a column may read any earlier column's value of the same bar (that is
/// how normalising columns work) and may keep state of its own.
/// </summary>
internal abstract class FeatureColumn
{
    /// <summary>The value for the current bar, or <see cref="double.NaN"/> while the feature is not ready.</summary>
    /// <param name="earlierValues">This bar's values of the columns before this one (NaN where not ready).</param>
    public abstract double Compute(ReadOnlySpan<double> earlierValues);
}
