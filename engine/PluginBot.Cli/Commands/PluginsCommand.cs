using System.CommandLine;
using PluginBot.Hosting.Manifest;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot plugins</c>: inspect plugin folders without running the engine. <c>validate PATH</c> checks one
/// plugin's manifest the way the host will before loading it, so authors find every problem before deploying.
/// </summary>
internal static class PluginsCommand
{
    /// <summary>Exit code of <c>validate</c> for an invalid plugin: bad input, as for the other commands.</summary>
    private const int InvalidExitCode = 2;

    public static Command Create() => new("plugins", "Inspect and validate plugin folders")
    {
        CreateValidate(),
    };

    private static Command CreateValidate()
    {
        var path = new Argument<string>("PATH") { Description = "A plugin folder, or its plugin.json" };
        var command = new Command("validate", "Validate a plugin's manifest: schema, assembly file, SHA-256 and config schema; prints every error")
        {
            path,
        };
        command.SetAction(parse => Validate(parse.GetValue(path)!, Console.Out, Console.Error));
        return command;
    }

    /// <summary>Prints "valid: ID KIND VERSION" and returns 0, or prints every error to <paramref name="error"/> and returns 2.</summary>
    internal static int Validate(string path, TextWriter output, TextWriter error)
    {
        var result = PluginManifestReader.Validate(path);
        if (result.IsValid)
        {
            var manifest = result.Manifest!;
            output.WriteLine($"valid: {manifest.Id} {manifest.Kind.ToManifestName()} {manifest.Version}");
            return 0;
        }

        foreach (var problem in result.Errors)
        {
            error.WriteLine($"{result.ManifestPath}: {problem.JsonPath}: {problem.Message}");
        }

        return InvalidExitCode;
    }
}
