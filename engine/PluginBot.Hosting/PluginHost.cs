using System.Globalization;
using System.Runtime.CompilerServices;
using PluginBot.Hosting.Loading;
using PluginBot.Hosting.Manifest;

namespace PluginBot.Hosting;

/// <summary>
/// Loads plugin folders: validates the manifest against plugin.schema.json, checks the SDK range and the SDK the
/// assembly was really built against, loads it into its own collectible context from a shadow copy, and
/// constructs it once to prove it can run. Every failure is recorded on the plugin (refused or faulted) instead
/// of thrown, so one bad plugin never stops the others or the engine.
/// </summary>
public sealed class PluginHost : IDisposable
{
    private readonly string shadowRoot;
    private readonly Dictionary<string, HostedPlugin> byFolder = new(StringComparer.Ordinal);
    private readonly object gate = new();

    /// <summary>Creates a host that shadow-copies plugins under <paramref name="shadowRoot"/>.</summary>
    public PluginHost(string shadowRoot)
    {
        this.shadowRoot = Path.GetFullPath(shadowRoot);
    }

    /// <summary>Every plugin folder seen, in folder order.</summary>
    public IReadOnlyList<HostedPlugin> Plugins
    {
        get
        {
            lock (gate)
            {
                return byFolder.OrderBy(entry => entry.Key, StringComparer.Ordinal).Select(entry => entry.Value).ToList();
            }
        }
    }

    /// <summary>Loads every plugin folder (a folder holding plugin.json) directly under <paramref name="directory"/>.</summary>
    public IReadOnlyList<HostedPlugin> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }

        return Directory.EnumerateDirectories(directory)
            .Where(folder => File.Exists(Path.Combine(folder, PluginManifestReader.ManifestFileName)))
            .Order(StringComparer.Ordinal)
            .Select(Load)
            .ToList();
    }

    /// <summary>
    /// Loads (or reloads) one plugin folder. The previous version from the same folder stays loaded: callers
    /// that swapped it out release it with <see cref="Release"/>.
    /// </summary>
    public HostedPlugin Load(string folder)
    {
        folder = Path.GetFullPath(folder);
        var plugin = LoadCore(folder);
        lock (gate)
        {
            // A failed attempt never hides the version that is loaded and may be running.
            if (plugin.State == PluginState.Loaded || !byFolder.TryGetValue(folder, out var current) || current.State != PluginState.Loaded)
            {
                byFolder[folder] = plugin;
            }
        }

        return plugin;
    }

    /// <summary>Forgets the plugin of a removed folder; its context is released by <see cref="Release"/> once unused.</summary>
    public HostedPlugin? Remove(string folder)
    {
        lock (gate)
        {
            folder = Path.GetFullPath(folder);
            if (byFolder.Remove(folder, out var plugin))
            {
                return plugin;
            }

            return null;
        }
    }

    /// <summary>
    /// Unloads a plugin version no longer in use, waits for its context to be collected and removes its shadow
    /// copy when no other loaded version shares it. Returns false when something still holds the context (the host
    /// reports that rather than pretending the memory came back).
    /// </summary>
    /// <exception cref="InvalidOperationException">The plugin never had a load context (refused or faulted).</exception>
    public bool Release(HostedPlugin plugin)
    {
        if (plugin.Assembly is not { } assembly)
        {
            throw new InvalidOperationException($"Plugin '{plugin.Id}' is {plugin.State}: it has no load context to release.");
        }

        var shadow = assembly.ShadowDirectory;
        plugin.Assembly = null;
        plugin.State = PluginState.Unloaded;
        var collected = UnloadVerifier.WaitForCollection(assembly.Unload());
        lock (gate)
        {
            var inUse = byFolder.Values
                .Where(other => other.Assembly is { IsUnloaded: false } && other.Id == plugin.Id)
                .Select(other => other.Assembly!.ShadowDirectory)
                .ToList();
            if (collected && !inUse.Contains(shadow, StringComparer.Ordinal))
            {
                new ShadowCopier(shadowRoot).RemoveStaleCopies(plugin.Id, inUse);
            }
        }

        return collected;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (gate)
        {
            foreach (var plugin in byFolder.Values)
            {
                plugin.Assembly?.Unload();
                plugin.Assembly = null;
            }

            byFolder.Clear();
        }
    }

    private HostedPlugin LoadCore(string folder)
    {
        var validation = PluginManifestReader.Validate(folder);
        if (validation.Manifest is not { } manifest)
        {
            return new HostedPlugin(folder, null, PluginState.Refused,
                validation.Errors.Select(error => $"{validation.ManifestPath}: {error.JsonPath}: {error.Message}").ToList(), null);
        }

        var compatibility = CheckSdk(manifest);
        if (compatibility is not null)
        {
            return new HostedPlugin(folder, manifest, PluginState.Refused, [compatibility], null);
        }

        var (loaded, failure, refused) = TryLoad(manifest, folder);
        if (loaded is not null)
        {
            return new HostedPlugin(folder, manifest, PluginState.Loaded, [], loaded);
        }

        if (refused)
        {
            return new HostedPlugin(folder, manifest, PluginState.Refused, [failure!], null);
        }

        return new HostedPlugin(folder, manifest, PluginState.Faulted, [failure!], null);
    }

    // Its own frame: the exception (possibly of a plugin type) and every local die when it returns, so the
    // failed load's context can really be collected afterwards.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private (LoadedPluginAssembly? Loaded, string? Failure, bool Refused) TryLoad(PluginManifest manifest, string folder)
    {
        LoadedPluginAssembly? assembly = null;
        try
        {
            assembly = PluginAssemblyLoader.Load(new PluginAssemblyLoadRequest(
                manifest.Id, manifest.Version, folder, manifest.AssemblyFileName, manifest.EntryType, manifest.Kind.ContractType(), shadowRoot));

            // Constructing once proves the plugin can run before anything depends on it.
            assembly.CreateInstance();
            return (assembly, null, false);
        }
        catch (PluginLoadException exception) when (exception.Failure == PluginLoadFailure.SharedAssemblyIncompatible)
        {
            return (null, exception.Message, true);
        }
        catch (Exception exception)
        {
            // Keep the text, never the exception: an exception of a plugin type would keep its context alive.
            assembly?.Unload();
            return (null, exception.ToString(), false);
        }
    }

    private static string? CheckSdk(PluginManifest manifest)
    {
        var host = HostSdk.Version;
        if (!manifest.SdkVersion.IsSatisfiedBy(host))
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{manifest.ManifestPath}: $.sdkVersion: the plugin needs {manifest.SdkVersion.Describe()}, but this host provides SDK {host.Major}.{host.Minor}");
        }

        Version? built;
        try
        {
            built = AssemblySdkReference.Read(manifest.AssemblyPath);
        }
        catch (BadImageFormatException exception)
        {
            return $"{manifest.AssemblyPath}: not a .NET assembly ({exception.Message})";
        }

        if (built is null)
        {
            return $"{manifest.AssemblyPath}: the assembly does not reference PluginBot.Sdk, so it cannot implement a plugin interface";
        }

        // The manifest is a claim; the reference the compiler stamped into the assembly is the fact.
        if (built.Major != host.Major || built.Minor > host.Minor)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{manifest.AssemblyPath}: built against PluginBot.Sdk {built.Major}.{built.Minor}, but this host provides SDK {host.Major}.{host.Minor}");
        }

        if (built.Major != manifest.SdkVersion.Major)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"{manifest.ManifestPath}: $.sdkVersion says {manifest.SdkVersion}, but the assembly was built against PluginBot.Sdk {built.Major}.{built.Minor}");
        }

        return null;
    }
}
