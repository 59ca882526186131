namespace PluginBot.Features;

/// <summary>
/// A column read from already-updated indicators through two delegates built once at construction: whether it is
/// ready and its value. Invoking a prepared delegate allocates nothing, so the hot path stays allocation-free while
/// each feature's formula sits on one line next to its schema entry.
/// </summary>
internal sealed class FunctionColumn(Func<bool> isReady, Func<double> value) : FeatureColumn
{
    /// <inheritdoc />
    public override double Compute(ReadOnlySpan<double> earlierValues) => isReady() ? value() : double.NaN;
}
