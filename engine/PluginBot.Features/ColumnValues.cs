namespace PluginBot.Features;

/// <summary>
/// The current bar's feature values, shared between a <see cref="FeatureSet"/> (which fills it in schema order) and
/// the normalising columns that read an earlier column of the same bar. Created before the column count is known
/// and sized once when the set is built.
/// </summary>
internal sealed class ColumnValues
{
    /// <summary>One value per column, NaN while not ready.</summary>
    public double[] Values { get; private set; } = [];

    /// <summary>Allocates the storage for <paramref name="count"/> columns, all not ready.</summary>
    public void Allocate(int count)
    {
        Values = new double[count];
        Values.AsSpan().Fill(double.NaN);
    }
}
