namespace PluginBot.Features;

/// <summary>
/// The description of one column of a feature vector: what it is called, what kind of property it measures and the
/// parameters that produce it. Two definitions with the same name but different parameters are different features,
/// which is why the parameters are part of the schema hash.
/// </summary>
public sealed class FeatureDefinition
{
    /// <summary>Creates a definition; the parameters keep the order given because that order is hashed.</summary>
    /// <exception cref="ArgumentException">The name is blank, or a parameter key is blank or repeated.</exception>
    public FeatureDefinition(string name, FeatureFamily family, IReadOnlyList<FeatureParameter> parameters)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(parameters);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in parameters)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(parameter.Key, nameof(parameters));
            ArgumentNullException.ThrowIfNull(parameter.Value, nameof(parameters));
            if (!keys.Add(parameter.Key))
            {
                throw new ArgumentException($"Feature '{name}' repeats the parameter '{parameter.Key}'.", nameof(parameters));
            }
        }

        Name = name;
        Family = family;
        Parameters = parameters.ToArray();
    }

    /// <summary>The column name, as written in the CSV header and the schema file.</summary>
    public string Name { get; }

    /// <summary>The kind of property the feature measures.</summary>
    public FeatureFamily Family { get; }

    /// <summary>The parameters in declaration order (for example period = 14).</summary>
    public IReadOnlyList<FeatureParameter> Parameters { get; }

    /// <summary>The value of the parameter named <paramref name="key"/>, or null when the feature has none by that name.</summary>
    public string? GetParameter(string key)
    {
        foreach (var parameter in Parameters)
        {
            if (parameter.Key == key)
            {
                return parameter.Value;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
