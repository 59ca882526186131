namespace PluginBot.Models.Registry;

/// <summary>
/// The result of checking a version's folder against its index row: files present, model hash unchanged,
/// schema and metadata readable and consistent. A tampered or half-copied model is reported here rather than
/// discovered when an expert serves nonsense.
/// </summary>
/// <param name="Record">The version checked.</param>
/// <param name="Problems">What is wrong, one sentence each; empty when the version is intact.</param>
/// <param name="ActualSha256">The SHA-256 of model.onnx as found on disk, or null when the file is missing.</param>
public sealed record ModelVerification(ModelVersionRecord Record, IReadOnlyList<string> Problems, string? ActualSha256)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool IsIntact => Problems.Count == 0;
}
