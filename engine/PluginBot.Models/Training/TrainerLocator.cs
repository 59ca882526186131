namespace PluginBot.Models.Training;

/// <summary>
/// Finds the Python side: the system interpreter (Debian's, which has torch; a pyenv python on PATH does not) and
/// <c>experts/training/train.py</c> in the repository or copied next to the running program.
/// </summary>
public static class TrainerLocator
{
    /// <summary>The interpreter that has Debian's python3-torch and python3-onnx (see scripts/setup-training.sh).</summary>
    public const string DefaultPython = "/usr/bin/python3";

    private static readonly string[] RelativeCandidates = [Path.Combine("experts", "training", "train.py"), Path.Combine("training", "train.py")];

    /// <summary>The trainer script, searched upwards from the working directory and then from the program's folder.</summary>
    /// <exception cref="FileNotFoundException">Not found; the message says where it was looked for.</exception>
    public static string FindScript()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                foreach (var relative in RelativeCandidates)
                {
                    var candidate = Path.Combine(directory.FullName, relative);
                    if (File.Exists(candidate))
                    {
                        return candidate;
                    }
                }
            }
        }

        throw new FileNotFoundException(
            $"The trainer experts/training/train.py was not found above '{Directory.GetCurrentDirectory()}' or '{AppContext.BaseDirectory}'; run from the repository or pass the script path.");
    }
}
