namespace PluginBot.Models.Registry;

/// <summary>One version as the registry's index knows it, with where its files are.</summary>
/// <param name="Symbol">The instrument.</param>
/// <param name="Kind">The model kind.</param>
/// <param name="Version">The version number (1, 2, ...).</param>
/// <param name="Stage">The current stage (the index is the source of truth, not metadata.json).</param>
/// <param name="ParentVersion">The production version when this one was registered, or null.</param>
/// <param name="Sha256">The SHA-256 of model.onnx recorded at registration.</param>
/// <param name="CreatedAt">Registration time (UTC).</param>
/// <param name="Directory">The version's folder, <c>{root}/{symbol}/{kind}/{version}</c>.</param>
public sealed record ModelVersionRecord(
    string Symbol,
    string Kind,
    int Version,
    ModelStage Stage,
    int? ParentVersion,
    string Sha256,
    DateTime CreatedAt,
    string Directory)
{
    /// <summary>The folder name, for example "v0003".</summary>
    public string VersionLabel => ModelVersionLabel.Format(Version);

    /// <summary>The model file the engine loads.</summary>
    public string ModelPath => Path.Combine(Directory, ModelFileNames.Model);

    /// <summary>"BTCUSDT/direction-mlp v0003", the form every message uses.</summary>
    public override string ToString() => $"{Symbol}/{Kind} {VersionLabel}";
}
