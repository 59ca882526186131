namespace PluginBot.Features;

/// <summary>
/// One named parameter of a feature, both as text. Text (formatted with the invariant culture) rather than numbers
/// keeps the canonical form that the schema hash covers exact: "1.5" is hashed, not whichever bits a double happens
/// to round to.
/// </summary>
/// <param name="Key">The parameter's name, for example "period".</param>
/// <param name="Value">The parameter's value, for example "14".</param>
public readonly record struct FeatureParameter(string Key, string Value);
