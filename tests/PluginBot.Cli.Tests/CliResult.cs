namespace PluginBot.Cli.Tests;

/// <summary>What a pluginbot process printed and returned.</summary>
internal sealed record CliResult(int ExitCode, string Output, string Error);
