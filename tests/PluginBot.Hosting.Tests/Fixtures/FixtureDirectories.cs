namespace PluginBot.Hosting.Tests.Fixtures;

/// <summary>
/// Temporary folders for fixture plugins and shadow roots, all below one folder per test process that is deleted
/// when the process exits. Names come from a counter, not a random source, so a failing run is easy to inspect.
/// </summary>
public static class FixtureDirectories
{
    private static readonly Lazy<string> ProcessRoot = new(CreateProcessRoot);
    private static int counter;

    /// <summary>Creates a new empty folder whose name starts with <paramref name="purpose"/>; returns its full path.</summary>
    public static string Create(string purpose)
    {
        var path = Path.Combine(ProcessRoot.Value, $"{purpose}-{Interlocked.Increment(ref counter)}");
        Directory.CreateDirectory(path);
        return path;
    }

    private static string CreateProcessRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "pluginbot-hosting-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (Directory.Exists(root))
        {
            // A previous process with the same id left it behind.
            Directory.Delete(root, recursive: true);
        }

        Directory.CreateDirectory(root);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return root;
    }

    private static void TryDelete(string root)
    {
        try
        {
            Directory.Delete(root, recursive: true);
        }
        catch (IOException)
        {
            // Best effort at exit; the next run with this process id clears it.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
