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
    private readonly List<BarStep> barSteps = [];
    private readonly List<Action<double>> closeSteps = [];
    private readonly List<BarStep> derivedSteps = [];
    private readonly List<Func<double>> columns = [];
    private readonly List<FeatureDefinition> definitions = [];
    private readonly ColumnValues values = new();

    public FeatureSetBuilder(string name, int version)
    {
        this.name = name;
        this.version = version;
        barSteps.Add(Latest.Update);
    }

    /// <summary>The bar being processed, for columns that need raw prices or the time.</summary>
    public LatestBar Latest { get; } = new();

    /// <summary>A parameter with its value formatted in the invariant culture, so the hashed text never depends on the machine's locale.</summary>
    public static FeatureParameter Parameter(string key, int value) => new(key, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A parameter with its value formatted in the invariant culture (shortest round-trip form).</summary>
    public static FeatureParameter Parameter(string key, double value) => new(key, value.ToString("R", CultureInfo.InvariantCulture));

    /// <summary>A text parameter (a source column, a price field, a smoothing method).</summary>
    public static FeatureParameter Parameter(string key, string value) => new(key, value);

    /// <summary>
    /// A column's value: <paramref name="value"/> when <paramref name="isReady"/>, otherwise NaN (not ready). The value
    /// is evaluated either way, so it must be harmless to compute before readiness (the formulas guard their divisions).
    /// </summary>
    public static double When(bool isReady, double value) => isReady ? value : double.NaN;

    /// <summary>Registers an indicator fed every whole bar; returns it so columns can read it.</summary>
    public T OnBar<T>(T indicator)
        where T : IBarIndicator
    {
        // A delegate bound to the indicator's own Update: one indirect call per bar, no interface dispatch.
        barSteps.Add(indicator.Update);
        return indicator;
    }

    /// <summary>Registers an indicator fed every bar's close; returns it so columns can read it.</summary>
    public T OnClose<T>(T indicator)
        where T : IValueIndicator
    {
        closeSteps.Add(indicator.Update);
        return indicator;
    }

    /// <summary>
    /// Registers per-bar work that reads indicators (for example feeding one indicator's output into another). Such
    /// steps run after every indicator registered with <see cref="OnBar{T}"/> or <see cref="OnClose{T}"/> has taken
    /// the bar, in the order they were registered.
    /// </summary>
    public void OnEachBar(BarStep step) => derivedSteps.Add(step);

    /// <summary>Adds a column whose function returns its value, or NaN while not ready (see <see cref="When"/>); returns its index.</summary>
    public int Add(string featureName, FeatureFamily family, Func<double> value, params FeatureParameter[] parameters) =>
        AddColumn(new FeatureDefinition(featureName, family, parameters), value);

    /// <summary>Adds the rolling z-score of an earlier column, named <c>{source}_zscore_{period}</c>.</summary>
    public int AddRollingZScore(string sourceName, int period) =>
        AddColumn(
            new FeatureDefinition($"{sourceName}_zscore_{period}", FeatureFamily.Normalisation, [Parameter("source", sourceName), Parameter("period", period)]),
            new RollingZScoreColumn(values, IndexOf(sourceName), period).Compute);

    /// <summary>Adds the rolling min-max position of an earlier column, named <c>{source}_minmax_{period}</c>.</summary>
    public int AddRollingMinMax(string sourceName, int period) =>
        AddColumn(
            new FeatureDefinition($"{sourceName}_minmax_{period}", FeatureFamily.Normalisation, [Parameter("source", sourceName), Parameter("period", period)]),
            new RollingMinMaxColumn(values, IndexOf(sourceName), period).Compute);

    /// <summary>Creates the set; the builder must not be used afterwards.</summary>
    public FeatureSet Build() =>
        new(new FeatureSchema(name, version, definitions), [.. barSteps], [.. closeSteps], [.. derivedSteps], [.. columns], values);

    private int AddColumn(FeatureDefinition definition, Func<double> column)
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
