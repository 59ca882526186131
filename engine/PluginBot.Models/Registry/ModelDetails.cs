namespace PluginBot.Models.Registry;

/// <summary>Everything <c>models show</c> prints: the index row, the metadata file and the integrity check.</summary>
/// <param name="Record">The index row.</param>
/// <param name="Metadata">The parsed metadata.json, or null when it is missing or unreadable (see <paramref name="Verification"/>).</param>
/// <param name="Verification">The integrity check of the folder.</param>
public sealed record ModelDetails(ModelVersionRecord Record, ModelMetadata? Metadata, ModelVerification Verification);
