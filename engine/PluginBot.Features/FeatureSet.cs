using PluginBot.Indicators;
using PluginBot.Sdk.Market;

namespace PluginBot.Features;

/// <summary>
/// A feature set for one symbol and interval: it converts each bar to doubles once, updates its indicators (those fed
/// the whole bar, then those fed the close, then derived steps that read indicators), then evaluates every column in
/// schema order into a preallocated buffer, so a column may read an earlier column of the same bar. Built by
/// <see cref="FeatureSetCatalog"/>; see <see cref="IFeatureSet"/> for the readiness (NaN) and no-look-ahead rules.
/// </summary>
/// <remarks>
/// Cost per bar is the sum of its indicators' update costs (O(1) each, or O(window) where the indicator documents
/// it) plus one delegate call per indicator and per column. Every array, indicator and delegate is created in the
/// constructor; the update path performs no allocation, LINQ, boxing or closure creation.
/// </remarks>
public sealed class FeatureSet : IFeatureSet
{
    private readonly BarStep[] barSteps;
    private readonly Action<double>[] closeSteps;
    private readonly BarStep[] derivedSteps;
    private readonly Func<double>[] columns;
    private readonly double[] values;
    private string? symbol;
    private BarInterval interval;
    private DateTime lastStartTime;
    private int readyCount;

    internal FeatureSet(FeatureSchema schema, BarStep[] barSteps, Action<double>[] closeSteps, BarStep[] derivedSteps, Func<double>[] columns, ColumnValues values)
    {
        if (columns.Length != schema.Count)
        {
            throw new ArgumentException($"Feature set '{schema.Name}' has {columns.Length} columns but its schema lists {schema.Count} features.", nameof(columns));
        }

        Schema = schema;
        this.barSteps = barSteps;
        this.closeSteps = closeSteps;
        this.derivedSteps = derivedSteps;
        this.columns = columns;
        values.Allocate(columns.Length);
        this.values = values.Values;
    }

    /// <inheritdoc />
    public FeatureSchema Schema { get; }

    /// <inheritdoc />
    public int Count => values.Length;

    /// <inheritdoc />
    public long Samples { get; private set; }

    /// <inheritdoc />
    public bool IsReady => readyCount == values.Length;

    /// <summary>The symbol of the bars fed so far (null before the first bar).</summary>
    public string? Symbol => symbol;

    /// <inheritdoc />
    public bool IsFeatureReady(int index) => !double.IsNaN(values[index]);

    /// <summary>
    /// The feature at <paramref name="index"/> in double precision (NaN while not ready), for callers such as
    /// strategies that compare values and would lose nothing by skipping the float conversion.
    /// </summary>
    public double GetValue(int index) => values[index];

    /// <inheritdoc />
    public void Update(in Bar bar)
    {
        RequireSameSeries(in bar);
        Samples++;
        var sample = BarSample.From(in bar);
        foreach (var step in barSteps)
        {
            step(in sample);
        }

        var close = sample.Close;
        foreach (var step in closeSteps)
        {
            step(close);
        }

        foreach (var step in derivedSteps)
        {
            step(in sample);
        }

        var ready = 0;
        for (var index = 0; index < columns.Length; index++)
        {
            // In schema order: a normalising column reads its (earlier) source's value of this same bar.
            var value = columns[index]();
            values[index] = value;
            if (!double.IsNaN(value))
            {
                ready++;
            }
        }

        readyCount = ready;
    }

    /// <inheritdoc />
    public bool TryWrite(Span<float> destination)
    {
        if (destination.Length < values.Length)
        {
            throw new ArgumentException($"The destination holds {destination.Length} floats but feature set '{Schema.Name}' writes {values.Length}.", nameof(destination));
        }

        for (var index = 0; index < values.Length; index++)
        {
            destination[index] = (float)values[index];
        }

        return IsReady;
    }

    private void RequireSameSeries(in Bar bar)
    {
        if (symbol is null)
        {
            symbol = bar.Symbol;
            interval = bar.Interval;
            lastStartTime = bar.StartTime;
            return;
        }

        // Reference equality first: bars of one feed share the symbol string, so the ordinal compare rarely runs.
        if (!ReferenceEquals(symbol, bar.Symbol) && !string.Equals(symbol, bar.Symbol, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Feature set '{Schema.Name}' computes features for {symbol}; it was fed a {bar.Symbol} bar. Create one set per symbol.");
        }

        if (bar.Interval != interval)
        {
            throw new InvalidOperationException($"Feature set '{Schema.Name}' computes features for {interval} bars; it was fed a {bar.Interval} bar. Create one set per interval.");
        }

        if (bar.StartTime <= lastStartTime)
        {
            throw new InvalidOperationException($"Feature set '{Schema.Name}' was fed a bar starting {bar.StartTime:O}, not after the previous bar at {lastStartTime:O}; bars must arrive in time order.");
        }

        lastStartTime = bar.StartTime;
    }
}
