using System.CommandLine;
using PluginBot.Hosting;
using PluginBot.Hosting.Manifest;
using Spectre.Console;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot plugins</c>: inspect plugin folders without running the engine. <c>validate PATH</c> puts one plugin
/// through everything the host does before using it (manifest, SDK compatibility, loading, construction), so
/// authors find every problem before deploying; <c>list</c> shows what a run would load.
/// </summary>
internal static class PluginsCommand
{
    /// <summary>Exit code of <c>validate</c> for an invalid plugin: bad input, as for the other commands.</summary>
    private const int InvalidExitCode = 2;

    public static Command Create() => new("plugins", "Inspect and validate plugin folders")
    {
        CreateList(),
        CreateValidate(),
    };

    private static Command CreateList()
    {
        var directories = new Option<string[]>("--dir") { Description = "Plugin directories to list besides the built-in plugins", AllowMultipleArgumentsPerToken = true };
        var command = new Command("list", "List the plugins a run would load: id, kind, version, state and errors") { directories };
        command.SetAction(parse => List(parse.GetValue(directories) ?? []));
        return command;
    }

    private static Command CreateValidate()
    {
        var path = new Argument<string>("PATH") { Description = "A plugin folder, or its plugin.json" };
        var command = new Command("validate", "Check a plugin as the host would: manifest, assembly, SHA-256, config schema, SDK version, loading and construction; prints every error")
        {
            path,
        };
        command.SetAction(parse => Validate(parse.GetValue(path)!, Console.Out, Console.Error));
        return command;
    }

    private static int List(IReadOnlyList<string> directories)
    {
        var (host, _) = PluginLoading.Load(directories, quiet: true);
        using var pluginHost = host;
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumns("Id", "Kind", "Version", "State", "Folder", "Errors");
        foreach (var plugin in host.Plugins)
        {
            table.AddRow(
                Markup.Escape(plugin.Id),
                Markup.Escape(plugin.Manifest?.Kind.ToManifestName() ?? "?"),
                Markup.Escape(plugin.Version ?? "?"),
                plugin.State == PluginState.Loaded ? "[green]Loaded[/]" : $"[red]{plugin.State}[/]",
                Markup.Escape(plugin.FolderPath),
                Markup.Escape(string.Join(Environment.NewLine, plugin.Errors.Select(FirstLine))));
        }

        AnsiConsole.Write(table);
        return 0;
    }

    /// <summary>Prints "valid: ID KIND VERSION" and returns 0, or prints every error to <paramref name="error"/> and returns 2.</summary>
    internal static int Validate(string path, TextWriter output, TextWriter error)
    {
        var folder = File.Exists(path) ? Path.GetDirectoryName(Path.GetFullPath(path))! : path;
        var validation = PluginManifestReader.Validate(folder);
        if (!validation.IsValid)
        {
            foreach (var problem in validation.Errors)
            {
                error.WriteLine($"{validation.ManifestPath}: {problem.JsonPath}: {problem.Message}");
            }

            return InvalidExitCode;
        }

        using var host = new PluginHost(PluginLoading.ShadowRoot());
        var plugin = host.Load(folder);
        if (plugin.State != PluginState.Loaded)
        {
            foreach (var problem in plugin.Errors)
            {
                error.WriteLine($"{plugin.State}: {problem}");
            }

            return InvalidExitCode;
        }

        var manifest = plugin.Manifest!;
        output.WriteLine($"valid: {manifest.Id} {manifest.Kind.ToManifestName()} {manifest.Version}");
        return 0;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].TrimEnd('\r');
}
