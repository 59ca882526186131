using System.Security.Cryptography;
using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace PluginBot.Hosting.Manifest;

/// <summary>
/// Reads and validates a plugin folder's plugin.json: JSON syntax, the embedded plugin.schema.json, then what a
/// schema cannot say (the assembly is in the folder, its SHA-256 matches, the config schema is usable). Every problem
/// is collected before reporting, so an author fixes a manifest in one pass. Nothing is loaded and the SDK range is
/// not compared with the host's here: the host does that, because it knows which SDK it runs.
/// </summary>
public static class PluginManifestReader
{
    /// <summary>The manifest's file name inside a plugin folder.</summary>
    public const string ManifestFileName = "plugin.json";

    // Patterns in the schema are exact but opaque; these say in words what each field must look like.
    private static readonly Dictionary<string, string> PatternHints = new(StringComparer.Ordinal)
    {
        ["$.id"] = "expected lowercase letters and digits in words joined by single hyphens, starting with a letter, such as ema-cross",
        ["$.version"] = "expected a SemVer version such as 1.2.0",
        ["$.sdkVersion"] = "expected an SDK version range such as ^1.0",
        ["$.assembly"] = "expected the assembly's file name ending in .dll, without a folder, such as MyPlugin.dll",
        ["$.entryType"] = "expected the full name of a type such as MyCompany.Plugins.MyExpert",
        ["$.sha256"] = "expected 64 hexadecimal digits",
    };

    /// <summary>Reads the manifest of <paramref name="pluginDirectory"/> (a plugin folder, or its plugin.json).</summary>
    /// <exception cref="PluginManifestException">The manifest is missing or invalid; the message lists every error.</exception>
    public static PluginManifest Read(string pluginDirectory) => Validate(pluginDirectory).GetManifestOrThrow();

    /// <summary>
    /// Validates the manifest of <paramref name="pluginDirectory"/> (a plugin folder, or its plugin.json) and returns
    /// the manifest or every error, without throwing for problems in the folder.
    /// </summary>
    public static ManifestValidationResult Validate(string pluginDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginDirectory);
        var (directory, manifestPath) = Locate(pluginDirectory);
        var errors = new List<ManifestError>();

        var text = ReadText(directory, manifestPath, errors);
        if (text is null)
        {
            return new ManifestValidationResult(manifestPath, null, errors);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException exception)
        {
            errors.Add(new ManifestError(JsonPathText.Root, DescribeSyntaxError(exception)));
            return new ManifestValidationResult(manifestPath, null, errors);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                // Said once: the schema would add a "required property is missing" for every field.
                var found = root.ValueKind == JsonValueKind.Array ? "an array" : root.GetRawText();
                errors.Add(new ManifestError(JsonPathText.Root, $"expected an object, found {found}"));
                return new ManifestValidationResult(manifestPath, null, errors);
            }

            errors.AddRange(ValidateAgainstSchema(text));
            CheckFiles(root, directory, errors);
            CheckConfigSchema(root, errors);

            var manifest = errors.Count == 0 ? Create(root, directory, manifestPath) : null;
            return new ManifestValidationResult(manifestPath, manifest, errors);
        }
    }

    private static (string Directory, string ManifestPath) Locate(string path)
    {
        var fullPath = Path.GetFullPath(path);
        if (File.Exists(fullPath))
        {
            return (Path.GetDirectoryName(fullPath)!, fullPath);
        }

        var directory = Path.TrimEndingDirectorySeparator(fullPath);
        return (directory, Path.Combine(directory, ManifestFileName));
    }

    private static string? ReadText(string directory, string manifestPath, List<ManifestError> errors)
    {
        if (!Directory.Exists(directory))
        {
            errors.Add(new ManifestError(JsonPathText.Root, $"the plugin folder {directory} does not exist"));
            return null;
        }

        if (!File.Exists(manifestPath))
        {
            errors.Add(new ManifestError(JsonPathText.Root, $"there is no {ManifestFileName} in the plugin folder {directory}"));
            return null;
        }

        try
        {
            return File.ReadAllText(manifestPath);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            errors.Add(new ManifestError(JsonPathText.Root, $"cannot read the manifest: {exception.Message}"));
            return null;
        }
    }

    private static string DescribeSyntaxError(JsonException exception)
    {
        // System.Text.Json counts from zero and appends its own "Path: ... | LineNumber: ..." suffix; say it once, from one.
        var reason = exception.Message;
        var suffix = reason.IndexOf(" Path: ", StringComparison.Ordinal);
        if (suffix < 0)
        {
            suffix = reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        }

        if (suffix >= 0)
        {
            reason = reason[..suffix];
        }

        return exception.LineNumber is { } line
            ? $"invalid JSON at line {line + 1}, position {(exception.BytePositionInLine ?? 0) + 1}: {reason}"
            : $"invalid JSON: {reason}";
    }

    private static IEnumerable<ManifestError> ValidateAgainstSchema(string text)
    {
        JToken token;
        try
        {
            token = JsonTokenParser.Parse(text);
        }
        catch (Newtonsoft.Json.JsonException exception)
        {
            // System.Text.Json accepted the text, so this is a corner where the two parsers differ; still report it.
            return [new ManifestError(JsonPathText.Root, $"invalid JSON: {exception.Message}")];
        }

        var problems = ManifestSchema.Schema.Validate(token);
        return SchemaErrorTranslator.Translate(problems, token, JsonPathText.Root, PatternHints)
            .Select(problem => new ManifestError(problem.JsonPath, problem.Message));
    }

    private static void CheckFiles(JsonElement root, string directory, List<ManifestError> errors)
    {
        if (!root.TryGetProperty("assembly", out var assembly)
            || assembly.ValueKind != JsonValueKind.String
            || assembly.GetString() is not { Length: > 0 } fileName
            || fileName.IndexOfAny(['/', '\\']) >= 0)
        {
            return; // a missing or malformed name is the schema's error; there is no file to look for.
        }

        var assemblyPath = Path.Combine(directory, fileName);
        if (!File.Exists(assemblyPath))
        {
            errors.Add(new ManifestError("$.assembly", $"the assembly file \"{fileName}\" is not in the plugin folder {directory}"));
            return;
        }

        if (root.TryGetProperty("sha256", out var sha256)
            && sha256.ValueKind == JsonValueKind.String
            && sha256.GetString() is { Length: 64 } expectedText
            && expectedText.All(Uri.IsHexDigit))
        {
            var expected = expectedText.ToLowerInvariant();
            var actual = ComputeSha256(assemblyPath);
            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                errors.Add(new ManifestError(
                    "$.sha256",
                    $"the manifest expects SHA-256 {expected} but \"{fileName}\" has SHA-256 {actual}; the assembly changed after the manifest was written"));
            }
        }
    }

    private static string ComputeSha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static void CheckConfigSchema(JsonElement root, List<ManifestError> errors)
    {
        if (root.TryGetProperty("configSchema", out var configSchema) && configSchema.ValueKind == JsonValueKind.Object)
        {
            var (_, problems) = ConfigSchemaChecker.Check(configSchema, "$.configSchema");
            errors.AddRange(problems.Select(problem => new ManifestError(problem.JsonPath, problem.Message)));
        }
    }

    // Only called once the schema and the checks passed, so every required property is present and well-formed.
    private static PluginManifest Create(JsonElement root, string directory, string manifestPath) => new(
        Id: root.GetProperty("id").GetString()!,
        Kind: PluginKindExtensions.ParseManifestName(root.GetProperty("kind").GetString()),
        Version: root.GetProperty("version").GetString()!,
        SdkVersion: SdkVersionRange.Parse(root.GetProperty("sdkVersion").GetString()!),
        AssemblyFileName: root.GetProperty("assembly").GetString()!,
        EntryType: root.GetProperty("entryType").GetString()!,
        Sha256: OptionalString(root, "sha256")?.ToLowerInvariant(),
        ConfigSchemaJson: root.TryGetProperty("configSchema", out var configSchema) ? configSchema.GetRawText() : null,
        Description: OptionalString(root, "description"),
        Author: OptionalString(root, "author"),
        DirectoryPath: directory,
        ManifestPath: manifestPath);

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
