using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PluginBot.Hosting.Loading;

/// <summary>
/// A SHA-256 over a plugin folder's content: every file's relative path, length and bytes, in ordinal path order.
/// Paths are part of the hash because moving a dependency into another folder changes what gets loaded; lengths
/// are, so that no two different folders can feed the same byte stream to the hash.
/// </summary>
public static class PluginContentHash
{
    /// <summary>Hashes every file below <paramref name="directory"/>; returns 64 lowercase hex digits.</summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static string Compute(string directory)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (relativePath, fullPath) in EnumerateFiles(directory))
        {
            using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            AppendFileHeader(hash, relativePath, stream.Length);
            AppendStream(hash, stream, destination: null);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>
    /// The folder's files as (relative path with '/' separators, full path), sorted ordinally so the hash does
    /// not depend on the file system's enumeration order.
    /// </summary>
    internal static IReadOnlyList<(string RelativePath, string FullPath)> EnumerateFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"The folder {directory} does not exist.");
        }

        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => (RelativePath: Path.GetRelativePath(directory, path).Replace('\\', '/'), FullPath: path))
            .OrderBy(file => file.RelativePath, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Feeds one file's path and length into the hash, before its bytes.</summary>
    internal static void AppendFileHeader(IncrementalHash hash, string relativePath, long length)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(relativePath));
        Span<byte> header = stackalloc byte[9];
        header[0] = 0; // ends the path: no file name contains NUL
        BinaryPrimitives.WriteInt64LittleEndian(header[1..], length);
        hash.AppendData(header);
    }

    /// <summary>Feeds a stream's bytes into the hash and, when given, copies them to <paramref name="destination"/>.</summary>
    /// <returns>The number of bytes read, so a caller can detect a file that changed length while it was read.</returns>
    internal static long AppendStream(IncrementalHash hash, Stream source, Stream? destination)
    {
        var buffer = new byte[81_920];
        long total = 0;
        int read;
        while ((read = source.Read(buffer, 0, buffer.Length)) > 0)
        {
            hash.AppendData(buffer, 0, read);
            destination?.Write(buffer, 0, read);
            total += read;
        }

        return total;
    }
}
