using PluginBot.Engine.Composition;
using PluginBot.Hosting;
using Spectre.Console;

namespace PluginBot.Cli;

/// <summary>
/// Loads the plugin folders the CLI runs with: the built-in plugins packaged under artifacts/plugins (exactly like
/// third-party ones) and any folder given with --plugins.
/// </summary>
internal static class PluginLoading
{
    /// <summary>The packaged built-in plugins, artifacts/plugins in the repository.</summary>
    public static string? BuiltInDirectory() =>
        RepositoryLayout.FindRoot() is { } root ? Path.Combine(root, "artifacts", "plugins") : null;

    /// <summary>
    /// Where each load's shadow copies go (never the user's folder: a rebuild in place must not run stale code):
    /// a per-user folder only its owner can write, so no other user can plant or block a copy.
    /// </summary>
    public static string ShadowRoot()
    {
        var root = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "pluginbot", "shadow");
        Directory.CreateDirectory(root);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        return root;
    }

    /// <summary>Loads the built-in folder and <paramref name="extraDirectories"/>, registers what loaded, and warns about the rest.</summary>
    public static (PluginHost Host, PluginCatalog Catalog) Load(IReadOnlyList<string> extraDirectories, bool quiet = false)
    {
        var host = new PluginHost(ShadowRoot());
        var directories = new List<string>();
        if (BuiltInDirectory() is { } builtIn)
        {
            directories.Add(builtIn);
        }

        directories.AddRange(extraDirectories);
        foreach (var directory in directories)
        {
            if (!Directory.Exists(directory))
            {
                throw new DirectoryNotFoundException($"Plugin directory {directory} does not exist.");
            }

            host.LoadDirectory(directory);
        }

        var catalog = new PluginCatalog();
        HostedPluginRegistration.RegisterAll(host.Plugins, catalog);
        if (!quiet)
        {
            foreach (var plugin in host.Plugins.Where(p => p.State != PluginState.Loaded))
            {
                AnsiConsole.MarkupLine($"[yellow]warning:[/] plugin {Markup.Escape(plugin.Id)} in {Markup.Escape(plugin.FolderPath)} is {plugin.State}: {Markup.Escape(plugin.Errors.FirstOrDefault() ?? string.Empty)}");
            }
        }

        return (host, catalog);
    }
}
