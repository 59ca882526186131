namespace PluginBot.Persistence;

/// <summary>What kind of code a version belongs to, so "which model was live" and "which plugin was live" can be told apart.</summary>
public enum VersionKind
{
    /// <summary>A compiled plugin loaded from a plugin folder.</summary>
    Plugin = 1,

    /// <summary>A C# script strategy compiled on save.</summary>
    Script = 2,

    /// <summary>A model file (for example ONNX) used by an expert.</summary>
    Model = 3,
}
