using System.Diagnostics;
using PluginBot.Models.Tests.Infrastructure;

namespace PluginBot.Models.Tests;

public sealed class PythonTrainerTests
{
    [Fact]
    public async Task TrainerUnitTests_RunWithTheSystemPython_Pass()
    {
        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "-m", "unittest", "discover", "-s", Path.GetDirectoryName(ShippedData.TrainerScript)!, "-p", "test_*.py" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();

        var output = await error;
        Assert.True(process.ExitCode == 0, output);
        Assert.Contains("Ran 3 tests", output, StringComparison.Ordinal);
    }
}
