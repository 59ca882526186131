using System.Buffers.Binary;
using System.Diagnostics;

namespace PluginBot.Models.Training;

/// <summary>
/// Runs <c>train.py</c> on an exported dataset and reads back what it wrote. The trainer is a separate process so
/// the engine never loads PyTorch; its standard output (a JSON summary) and error (warnings) are kept for the report.
/// </summary>
public sealed class PythonTrainer(string pythonPath, string scriptPath)
{
    /// <summary>The interpreter.</summary>
    public string PythonPath { get; } = pythonPath;

    /// <summary>The trainer script.</summary>
    public string ScriptPath { get; } = scriptPath;

    /// <summary>Trains; returns the trainer's JSON summary line.</summary>
    /// <exception cref="InvalidOperationException">The trainer failed; the message holds its exit code and the end of its error output.</exception>
    public string Run(string manifestPath, string outputDirectory)
    {
        var start = new ProcessStartInfo(PythonPath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ScriptPath);
        start.ArgumentList.Add("--manifest");
        start.ArgumentList.Add(manifestPath);
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(outputDirectory);

        // One thread: tiny models train faster without thread hand-offs, and other builds share this machine.
        start.Environment["OMP_NUM_THREADS"] = "1";
        using var process = Process.Start(start)
            ?? throw new InvalidOperationException($"Could not start {PythonPath}.");
        var errorTask = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var error = errorTask.GetAwaiter().GetResult();
        if (process.ExitCode != 0)
        {
            var tail = error.Length > 2000 ? error[^2000..] : error;
            throw new InvalidOperationException(
                $"The trainer {ScriptPath} failed with exit code {process.ExitCode} (run scripts/setup-training.sh if torch or onnx is missing):\n{tail}");
        }

        return output.Trim();
    }

    /// <summary>Reads a little-endian float32 file the trainer wrote.</summary>
    public static float[] ReadFloats(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var values = new float[bytes.Length / sizeof(float)];
        for (var index = 0; index < values.Length; index++)
        {
            values[index] = BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(index * sizeof(float)));
        }

        return values;
    }
}
