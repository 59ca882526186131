using System.Diagnostics;

namespace PluginBot.Cli.Tests;

/// <summary>Runs the real pluginbot executable as a separate process, as a user would.</summary>
internal static class CliProcess
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static CliResult Run(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "pluginbot.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A fixed, wide console so the summary table is never wrapped differently between machines.
        start.Environment["COLUMNS"] = "160";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pluginbot {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }

        return new CliResult(process.ExitCode, output.Result, error.Result);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PluginBot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PluginBot.sln not found above " + AppContext.BaseDirectory);
    }
}
