namespace PluginBot.Features;

/// <summary>
/// Feature sets by name. Each <see cref="Create"/> returns a fresh set, because a set holds the state of one symbol
/// at one interval; the engine, the CLI and the training pipeline all ask the catalog, so a name means the same
/// computation everywhere. Starts with the built-in <c>indicators</c> and <c>default</c> sets.
/// </summary>
public sealed class FeatureSetCatalog
{
    private readonly Dictionary<string, Func<IFeatureSet>> factories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FeatureSchema> schemas = new(StringComparer.Ordinal);

    /// <summary>Creates a catalog holding the built-in sets.</summary>
    public FeatureSetCatalog()
    {
        Register(IndicatorFeatureSet.Name, IndicatorFeatureSet.Create);
        Register(DefaultFeatureSet.Name, DefaultFeatureSet.Create);
    }

    /// <summary>The registered set names, sorted ordinally so listings and error messages are stable.</summary>
    public IReadOnlyList<string> Names => [.. factories.Keys.Order(StringComparer.Ordinal)];

    /// <summary>
    /// Adds a set. The factory is called once here to read the schema, and its schema name must equal
    /// <paramref name="name"/>, so a catalog entry cannot describe one set and build another.
    /// </summary>
    /// <exception cref="ArgumentException">The name is taken, or the factory builds a set with a different name.</exception>
    public void Register(string name, Func<IFeatureSet> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        if (factories.ContainsKey(name))
        {
            throw new ArgumentException($"A feature set named '{name}' is already registered.", nameof(name));
        }

        var schema = factory().Schema;
        if (!string.Equals(schema.Name, name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The factory registered as '{name}' builds the feature set '{schema.Name}'.", nameof(factory));
        }

        factories.Add(name, factory);
        schemas.Add(name, schema);
    }

    /// <summary>True when a set of that name is registered.</summary>
    public bool Contains(string name) => factories.ContainsKey(name);

    /// <summary>Creates a fresh set for one symbol and interval.</summary>
    /// <exception cref="KeyNotFoundException">No such set; the message lists the known ones.</exception>
    public IFeatureSet Create(string name) => factories.TryGetValue(name, out var factory) ? factory() : throw Unknown(name);

    /// <summary>The schema of a set without creating one, for registries that check a model's inputs.</summary>
    /// <exception cref="KeyNotFoundException">No such set; the message lists the known ones.</exception>
    public FeatureSchema GetSchema(string name) => schemas.TryGetValue(name, out var schema) ? schema : throw Unknown(name);

    private KeyNotFoundException Unknown(string name) =>
        new($"Unknown feature set '{name}'. Known sets: {string.Join(", ", Names)}.");
}
