using PluginBot.Hosting.Loading;
using PluginBot.Hosting.Manifest;

namespace PluginBot.Hosting;

/// <summary>One plugin folder as the host sees it: what it is, its state and every error, with the loaded assembly when there is one.</summary>
public sealed class HostedPlugin
{
    internal HostedPlugin(string folderPath, PluginManifest? manifest, PluginState state, IReadOnlyList<string> errors, LoadedPluginAssembly? assembly)
    {
        FolderPath = folderPath;
        Manifest = manifest;
        State = state;
        Errors = errors;
        Assembly = assembly;
    }

    /// <summary>The plugin folder.</summary>
    public string FolderPath { get; }

    /// <summary>The validated manifest; null when the manifest itself was refused.</summary>
    public PluginManifest? Manifest { get; }

    /// <summary>The plugin's id, or the folder name when the manifest was refused.</summary>
    public string Id => Manifest?.Id ?? Path.GetFileName(FolderPath);

    /// <summary>The plugin's version, when known.</summary>
    public string? Version => Manifest?.Version;

    /// <summary>Loaded, refused, faulted or unloaded.</summary>
    public PluginState State { get; internal set; }

    /// <summary>Every error, each naming the file and field or the exception with its stack.</summary>
    public IReadOnlyList<string> Errors { get; }

    /// <summary>The load context's assembly while loaded.</summary>
    internal LoadedPluginAssembly? Assembly { get; set; }

    /// <summary>True when <paramref name="instance"/> was created from this version's load context.</summary>
    public bool Owns(object instance) => Assembly is { IsUnloaded: false } assembly && instance.GetType().Assembly == assembly.Assembly;

    /// <summary>A new instance of the plugin's entry type.</summary>
    /// <exception cref="InvalidOperationException">The plugin is not loaded.</exception>
    /// <exception cref="PluginLoadException">Its constructor threw.</exception>
    public object CreateInstance() =>
        State == PluginState.Loaded && Assembly is { } assembly
            ? assembly.CreateInstance()
            : throw new InvalidOperationException($"Plugin '{Id}' is {State} and cannot be instantiated.");
}
