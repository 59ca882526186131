using System.Globalization;
using PluginBot.Indicators;

namespace PluginBot.Features;

/// <summary>
/// Assembles a <see cref="FeatureSet"/>: indicators and other per-bar steps in the order they must run, and columns
/// whose schema entry and formula are declared together, so the schema can never drift from what is computed.
/// Everything a set needs is created here, once; the resulting set's update path allocates nothing.
/// </summary>
internal sealed class FeatureSetBuilder
{
    private readonly string name;
    private readonly int version;
    private readonly List<BarStep> steps = [];
    private readonly List<FeatureColumn> columns = [];
    private readonly List<FeatureDefinition> definitions = [];

    public FeatureSetBuilder(string name, int version)
    {
        this.name = name;
        this.version = version;
        steps.Add(Latest.Update);
    }

    /// <summary>The bar being processed, for columns that need raw prices or the time.</summary>
    public LatestBar Latest { get; } = new();

    /// <summary>A parameter with its value formatted in the invariant culture, so the hashed text never depends on the machine's locale.</summary>
    public static FeatureParameter Parameter(string key, int value) => new(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A parameter with its value formatted in the invariant culture (shortest round-trip form).</summary>
    public static FeatureParameter Parameter(string key, double value) => new(key, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A text parameter (a source column, a price field, a smoothing method).</summary>
    public static FeatureParameter Parameter(string key, string value) => new(key, value);

    /// <summary>Registers an indicator fed every whole bar; returns it so columns can read it.</summary>
    public T OnBar<T>(T indicator)
        where T : IBarIndicator
    {
        steps.Add((in BarSample bar) => indicator.Update(in bar));
        return indicator;
    }

    /// <summary>Registers an indicator fed every bar's close; returns it so columns can read it.</summary>
    public T OnClose<T>(T indicator)
        where T : IValueIndicator
    {
        steps.Add((in BarSample bar) => indicator.Update(bar.Close));
        return indicator;
    }

    /// <summary>Registers custom per-bar work (for example feeding one indicator's output into another); runs after every step registered before it.</summary>
    public void OnEachBar(BarStep step) => steps.Add(step);

    /// <summary>Adds a column read from indicators; returns its index in the vector.</summary>
    public int Add(string featureName, FeatureFamily family, Func<bool> isReady, Func<double> value, params FeatureParameter[] parameters) =>
        AddColumn(new FeatureDefinition(featureName, family, parameters), new FunctionColumn(isReady, value));

    /// <summary>Adds the rolling z-score of an earlier column, named <c>{source}_zscore_{period}</c>.</summary>
    public int AddRollingZScore(string sourceName, int period) =>
        AddColumn(
            new FeatureDefinition($"{sourceName}_zscore_{period}", FeatureFamily.Normalisation, [Parameter("source", sourceName), Parameter("period", period)]),
            new RollingZScoreColumn(IndexOf(sourceName), period));

    /// <summary>Adds the rolling min-max position of an earlier column, named <c>{source}_minmax_{period}</c>.</summary>
    public int AddRollingMinMax(string sourceName, int period) =>
        AddColumn(
            new FeatureDefinition($"{sourceName}_minmax_{period}", FeatureFamily.Normalisation, [Parameter("source", sourceName), Parameter("period", period)]),
            new RollingMinMaxColumn(IndexOf(sourceName), period));

    /// <summary>Creates the set; the builder must not be used afterwards.</summary>
    public FeatureSet Build() => new(new FeatureSchema(name, version, definitions), [.. steps], [.. columns]);

    private int AddColumn(FeatureDefinition definition, FeatureColumn column)
    {
        definitions.Add(definition);
        columns.Add(column);
        return columns.Count - 1;
    }

    private int IndexOf(string sourceName)
    {
        for (var index = 0; index < definitions.Count; index++)
        {
            if (definitions[index].Name == sourceName)
            {
                return index;
            }
        }

        // Only earlier columns can be sources: a later one has no value yet when this column is computed.
        throw new ArgumentException($"Feature set '{name}' has no column '{sourceName}' before the one normalising it.", nameof(sourceName));
    }
}
