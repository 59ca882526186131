using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace PluginBot.Hosting.Loading;

/// <summary>
/// Copies a plugin folder to <c>{shadowRoot}/{id}/{version}-{contentHash12}/</c> before it is loaded. The engine
/// loads only from the copy, so the user's folder is never locked and can be rebuilt in place; and because the
/// folder name carries the content hash, a rebuilt plugin gets a new path and can never run the stale code that a
/// load from a previously used path may return. Identical content reuses its existing copy.
/// </summary>
public sealed partial class ShadowCopier
{
    private const int ShortHashLength = 12;
    private const string PartialPrefix = ".partial-";

    // Distinguishes partial folders of concurrent copies in this process; the process id does so across processes.
    private static int partialCounter;

    /// <summary>Creates a copier that keeps its copies below <paramref name="shadowRoot"/>.</summary>
    public ShadowCopier(string shadowRoot)
    {
        ArgumentException.ThrowIfNullOrEmpty(shadowRoot);
        ShadowRoot = Path.GetFullPath(shadowRoot);
    }

    /// <summary>The folder holding every plugin's shadow copies.</summary>
    public string ShadowRoot { get; }

    /// <summary>
    /// Returns the shadow folder holding exactly the current content of <paramref name="sourceDirectory"/>, copying
    /// it first when no such folder exists yet.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The source folder does not exist.</exception>
    /// <exception cref="IOException">The copy failed, or a source file changed while it was being copied.</exception>
    public string Copy(string pluginId, string version, string sourceDirectory)
    {
        ArgumentException.ThrowIfNullOrEmpty(pluginId);
        ArgumentException.ThrowIfNullOrEmpty(version);
        var expectedHash = PluginContentHash.Compute(sourceDirectory);
        var pluginRoot = GetPluginRoot(pluginId);
        var target = Path.Combine(pluginRoot, $"{ToFolderName(version)}-{expectedHash[..ShortHashLength]}");

        if (Directory.Exists(target))
        {
            if (PluginContentHash.Compute(target) == expectedHash)
            {
                return target;
            }

            // Someone edited the copy. It may be in use, so it is moved aside rather than overwritten.
            Directory.Move(target, CreatePartialPath(pluginRoot));
        }

        var partial = CreatePartialPath(pluginRoot);
        try
        {
            var copiedHash = CopyHashing(sourceDirectory, partial);
            if (copiedHash != expectedHash)
            {
                throw new IOException($"The plugin folder {sourceDirectory} changed while it was being copied; it is probably still being written.");
            }

            try
            {
                Directory.Move(partial, target);
            }
            catch (IOException) when (Directory.Exists(target))
            {
                // Another loader copied the same content first; its copy is as good as ours.
            }
        }
        finally
        {
            TryDeleteDirectory(partial);
        }

        return target;
    }

    /// <summary>
    /// Deletes this copier's shadow folders of one plugin except <paramref name="directoriesInUse"/>, plus any
    /// leftovers of interrupted copies. Best effort: a folder that cannot be deleted (a file still mapped by a
    /// context that has not finished unloading) is skipped and tried again on the next call.
    /// </summary>
    /// <returns>The folders that were removed.</returns>
    public IReadOnlyList<string> RemoveStaleCopies(string pluginId, IEnumerable<string> directoriesInUse)
    {
        var pluginRoot = GetPluginRoot(pluginId);
        if (!Directory.Exists(pluginRoot))
        {
            return [];
        }

        var keep = new HashSet<string>(directoriesInUse.Select(TrimmedFullPath), StringComparer.Ordinal);
        var removed = new List<string>();
        string[] candidates;
        try
        {
            candidates = Directory.GetDirectories(pluginRoot);
        }
        catch (IOException)
        {
            return removed;
        }
        catch (UnauthorizedAccessException)
        {
            return removed;
        }

        foreach (var directory in candidates)
        {
            var name = Path.GetFileName(directory);

            // Only folders this copier names are touched, so a mistaken shadow root cannot wipe someone's files.
            var isOurs = ShadowFolderName().IsMatch(name) || name.StartsWith(PartialPrefix, StringComparison.Ordinal);
            if (isOurs && !keep.Contains(TrimmedFullPath(directory)) && TryDeleteDirectory(directory))
            {
                removed.Add(directory);
            }
        }

        return removed;
    }

    private string GetPluginRoot(string pluginId) => Path.Combine(ShadowRoot, ToFolderName(pluginId));

    private static string CreatePartialPath(string pluginRoot) =>
        Path.Combine(pluginRoot, $"{PartialPrefix}{Environment.ProcessId}-{Interlocked.Increment(ref partialCounter)}");

    /// <summary>Copies every file and hashes the bytes actually written, so the copy is proven to match the hash.</summary>
    private static string CopyHashing(string sourceDirectory, string destinationDirectory)
    {
        Directory.CreateDirectory(destinationDirectory);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relativePath, fullPath) in PluginContentHash.EnumerateFiles(sourceDirectory))
        {
            var destinationPath = Path.Combine(destinationDirectory, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(destinationPath)!);
            using var source = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var destination = new FileStream(destinationPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            PluginContentHash.AppendFileHeader(hash, relativePath, source.Length);
            PluginContentHash.AppendStream(hash, source, destination);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static bool TryDeleteDirectory(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            return true;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static string ToFolderName(string value)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var characters = value.Select(character => invalid.Contains(character) || character == '/' || character == '\\' ? '_' : character).ToArray();
        var name = new string(characters);

        // "." and ".." would escape the shadow root.
        return name.Trim('.').Length == 0 ? "_" + name : name;
    }

    private static string TrimmedFullPath(string path) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));

    [GeneratedRegex("^.+-[0-9a-f]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex ShadowFolderName();
}
