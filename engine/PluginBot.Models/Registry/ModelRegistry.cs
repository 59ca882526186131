using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;

namespace PluginBot.Models.Registry;

/// <summary>
/// Versioned models per symbol and kind: folders <c>{root}/{symbol}/{kind}/{version}/</c> in the shared model format,
/// indexed in <c>{root}/registry.db</c>. The index is the source of truth for stages; every state change is one SQLite
/// transaction and bumps <see cref="GetRevision"/>, which a running engine polls to hot-swap an expert when
/// production changes.
/// </summary>
/// <remarks>
/// Registration holds the index's write lock while it writes the version into a temporary folder, renames it into
/// place and only then commits the index row. A crash before the commit leaves either a temporary folder or a
/// version folder without a row; neither is ever listed, and the next registration (or <see cref="CleanUnfinished"/>)
/// deletes them, so a half-registered version can never be served.
/// </remarks>
public sealed class ModelRegistry
{
    /// <summary>The default root, relative to the working directory (the repository root for the CLI).</summary>
    public const string DefaultRoot = "models";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly RegistryIndex index;
    private readonly TimeProvider clock;

    /// <summary>Opens (creating when needed) the registry at <paramref name="root"/>.</summary>
    /// <param name="root">The registry folder; created with its index if it does not exist.</param>
    /// <param name="clock">Where registration times come from; the system clock when null (tests inject a fixed one).</param>
    public ModelRegistry(string root, TimeProvider? clock = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
        this.clock = clock ?? TimeProvider.System;
        index = new RegistryIndex(Root);
    }

    /// <summary>The registry folder as a full path.</summary>
    public string Root { get; }

    /// <summary>
    /// Copies a trained model in as the next version of its symbol and kind, at stage candidate, with its parent set
    /// to the current production version.
    /// </summary>
    /// <exception cref="ArgumentException">The symbol or kind is not a safe folder name.</exception>
    /// <exception cref="FileNotFoundException">The model file does not exist.</exception>
    public ModelVersionRecord Register(ModelRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        ValidateName(registration.Symbol, "symbol");
        ValidateName(registration.Kind, "kind");
        if (!File.Exists(registration.ModelPath))
        {
            throw new FileNotFoundException($"Cannot register {registration.Symbol}/{registration.Kind}: the model file '{registration.ModelPath}' does not exist.", registration.ModelPath);
        }

        using var connection = index.Open();
        using var transaction = connection.BeginTransaction();
        CleanKind(connection, transaction, registration.Symbol, registration.Kind);
        var version = index.MaximumVersion(connection, transaction, registration.Symbol, registration.Kind) + 1;
        var parent = index.Production(connection, transaction, registration.Symbol, registration.Kind);
        var kindDirectory = Path.Combine(Root, registration.Symbol, registration.Kind);
        var finalDirectory = Path.Combine(kindDirectory, ModelVersionLabel.Format(version));
        var temporaryDirectory = Path.Combine(kindDirectory, ModelFileNames.TemporaryPrefix + ModelVersionLabel.Format(version));
        try
        {
            Directory.CreateDirectory(temporaryDirectory);
            var modelCopy = Path.Combine(temporaryDirectory, ModelFileNames.Model);
            File.Copy(registration.ModelPath, modelCopy);
            var record = new ModelVersionRecord(
                registration.Symbol,
                registration.Kind,
                version,
                ModelStage.Candidate,
                parent?.Version,
                Sha256Of(modelCopy),
                clock.GetUtcNow().UtcDateTime,
                finalDirectory);
            File.WriteAllText(Path.Combine(temporaryDirectory, ModelFileNames.FeatureSchema), registration.FeatureSchema.ToJson(), Utf8);
            ModelMetadataJson.Write(Path.Combine(temporaryDirectory, ModelFileNames.Metadata), MetadataFor(registration, record));
            Directory.Move(temporaryDirectory, finalDirectory);
            index.Insert(connection, transaction, record);
            index.BumpRevision(connection, transaction);
            transaction.Commit();
            return record;
        }
        catch
        {
            DeleteQuietly(temporaryDirectory);
            DeleteQuietly(finalDirectory);
            throw;
        }
    }

    /// <summary>Every version, optionally of one symbol and/or kind, ordered by symbol, kind and version.</summary>
    public IReadOnlyList<ModelVersionRecord> List(string? symbol = null, string? kind = null)
    {
        using var connection = index.Open();
        return index.List(connection, null, symbol, kind);
    }

    /// <summary>One version's index row.</summary>
    /// <exception cref="ModelRegistryException">No such version; the message lists the known ones.</exception>
    public ModelVersionRecord Get(string symbol, string kind, int version)
    {
        using var connection = index.Open();
        return Require(connection, null, symbol, kind, version);
    }

    /// <summary>The version that serves, or null when the symbol and kind have none in production.</summary>
    public ModelVersionRecord? GetProduction(string symbol, string kind)
    {
        using var connection = index.Open();
        return index.Production(connection, null, symbol, kind);
    }

    /// <summary>
    /// A number that grows with every state change (registration, promotion, rollback): a running engine compares it
    /// with the last value it saw and only then re-reads production, so polling costs one tiny query.
    /// </summary>
    public long GetRevision()
    {
        using var connection = index.Open();
        return index.Revision(connection);
    }

    /// <summary>The index row, the metadata file and an integrity check of the version folder.</summary>
    /// <exception cref="ModelRegistryException">No such version.</exception>
    public ModelDetails Show(string symbol, string kind, int version)
    {
        var verification = Verify(symbol, kind, version);
        ModelMetadata? metadata = null;
        var metadataPath = Path.Combine(verification.Record.Directory, ModelFileNames.Metadata);
        if (File.Exists(metadataPath))
        {
            try
            {
                metadata = ModelMetadataJson.Read(metadataPath);
            }
            catch (FormatException)
            {
                // Verify already reported the unreadable file; show the rest.
            }
        }

        return new ModelDetails(verification.Record, metadata, verification);
    }

    /// <summary>
    /// Checks a version folder against its index row: every file present, model.onnx's SHA-256 equal to the one
    /// recorded at registration, the schema readable with its own hash intact, and the metadata naming the same
    /// version, hash and schema.
    /// </summary>
    /// <exception cref="ModelRegistryException">No such version.</exception>
    public ModelVerification Verify(string symbol, string kind, int version)
    {
        return ModelFolderVerifier.Verify(Get(symbol, kind, version));
    }

    /// <summary>
    /// Moves a version one stage forward: candidate → staging, staging → production. Promoting to production archives
    /// the previous production version and is refused when the model file no longer matches its registered hash.
    /// </summary>
    /// <returns>The version as it stands after the promotion.</returns>
    /// <exception cref="ModelRegistryException">No such version, a stage that cannot be promoted, or a tampered model.</exception>
    public ModelVersionRecord Promote(string symbol, string kind, int version)
    {
        using var connection = index.Open();
        using var transaction = connection.BeginTransaction();
        var record = Require(connection, transaction, symbol, kind, version);
        var target = record.Stage switch
        {
            ModelStage.Candidate => ModelStage.Staging,
            ModelStage.Staging => ModelStage.Production,
            _ => throw new ModelRegistryException(
                $"Cannot promote {record} from {ModelStageText.Format(record.Stage)}: only a candidate (to staging) or a staging version (to production) can be promoted."),
        };

        if (target == ModelStage.Production)
        {
            var actualSha = File.Exists(record.ModelPath) ? Sha256Of(record.ModelPath) : "missing";
            if (!string.Equals(actualSha, record.Sha256, StringComparison.Ordinal))
            {
                throw new ModelRegistryException(
                    $"Cannot promote {record} to production: {ModelFileNames.Model} has sha256 {actualSha} but {record.Sha256} was registered.");
            }

            if (index.Production(connection, transaction, symbol, kind) is { } current)
            {
                index.SetStage(connection, transaction, current, ModelStage.Archived);
            }

            index.AppendProduction(connection, transaction, record);
        }

        index.SetStage(connection, transaction, record, target);
        index.BumpRevision(connection, transaction);
        transaction.Commit();
        return record with { Stage = target };
    }

    /// <summary>
    /// Restores the version that was production before the current one and archives the current one. Repeated
    /// rollbacks walk further back through the production history.
    /// </summary>
    /// <exception cref="ModelRegistryException">There is no production version, or none before it.</exception>
    public RollbackResult Rollback(string symbol, string kind)
    {
        using var connection = index.Open();
        using var transaction = connection.BeginTransaction();
        var current = index.Production(connection, transaction, symbol, kind)
            ?? throw new ModelRegistryException($"Cannot roll back {symbol}/{kind}: it has no production version.");
        var history = index.ProductionHistory(connection, transaction, symbol, kind);
        if (history.Count < 2 || history[0].Version != current.Version)
        {
            throw new ModelRegistryException(
                $"Cannot roll back {current}: no earlier production version to restore (it is the first version promoted to production).");
        }

        var previous = Require(connection, transaction, symbol, kind, history[1].Version);
        index.SetStage(connection, transaction, current, ModelStage.Archived);
        index.SetStage(connection, transaction, previous, ModelStage.Production);
        index.RemoveProductionEntry(connection, transaction, history[0].Sequence);
        index.BumpRevision(connection, transaction);
        transaction.Commit();
        return new RollbackResult(previous with { Stage = ModelStage.Production }, current with { Stage = ModelStage.Archived });
    }

    /// <summary>
    /// Deletes what crashed registrations left behind (temporary folders and version folders without an index row)
    /// under every symbol and kind.
    /// </summary>
    /// <returns>How many folders were deleted.</returns>
    public int CleanUnfinished()
    {
        using var connection = index.Open();
        using var transaction = connection.BeginTransaction();
        var deleted = 0;
        foreach (var symbolDirectory in Directory.EnumerateDirectories(Root))
        {
            foreach (var kindDirectory in Directory.EnumerateDirectories(symbolDirectory))
            {
                deleted += CleanKind(connection, transaction, Path.GetFileName(symbolDirectory), Path.GetFileName(kindDirectory));
            }
        }

        transaction.Commit();
        return deleted;
    }

    /// <summary>Lower-case hexadecimal SHA-256 of a file.</summary>
    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private int CleanKind(SqliteConnection connection, SqliteTransaction transaction, string symbol, string kind)
    {
        var kindDirectory = Path.Combine(Root, symbol, kind);
        if (!Directory.Exists(kindDirectory))
        {
            return 0;
        }

        // Called under the index's write lock, so no other registration is between its folder write and its commit.
        var registered = index.List(connection, transaction, symbol, kind).Select(record => record.VersionLabel).ToHashSet(StringComparer.Ordinal);
        var deleted = 0;
        foreach (var directory in Directory.EnumerateDirectories(kindDirectory))
        {
            var name = Path.GetFileName(directory);
            var unfinished = name.StartsWith(ModelFileNames.TemporaryPrefix, StringComparison.Ordinal)
                || (ModelVersionLabel.TryParse(name, out var version) && ModelVersionLabel.Format(version) == name && !registered.Contains(name));
            if (unfinished)
            {
                Directory.Delete(directory, recursive: true);
                deleted++;
            }
        }

        return deleted;
    }

    private ModelVersionRecord Require(SqliteConnection connection, SqliteTransaction? transaction, string symbol, string kind, int version)
    {
        if (index.Find(connection, transaction, symbol, kind, version) is { } record)
        {
            return record;
        }

        var known = index.List(connection, transaction, symbol, kind);
        var expected = known.Count == 0
            ? "no versions are registered for it"
            : "known versions: " + string.Join(", ", known.Select(existing => existing.VersionLabel));
        throw new ModelRegistryException($"{symbol}/{kind} has no version {ModelVersionLabel.Format(version)} ({expected}).");
    }

    private static ModelMetadata MetadataFor(ModelRegistration registration, ModelVersionRecord record) => new()
    {
        Symbol = record.Symbol,
        Kind = record.Kind,
        Version = record.VersionLabel,
        ParentVersion = record.ParentVersion is { } parent ? ModelVersionLabel.Format(parent) : null,
        ModelType = registration.ModelType,
        SequenceLength = registration.SequenceLength,
        Classes = registration.Classes,
        FeatureSet = registration.FeatureSchema.Name,
        FeatureSetHash = registration.FeatureSchema.Hash,
        Label = registration.Label,
        Regime = registration.Regime,
        TrainingWindow = registration.TrainingWindow,
        Hyperparameters = registration.Hyperparameters,
        InSampleMetrics = registration.InSampleMetrics,
        OutOfSampleMetrics = registration.OutOfSampleMetrics,
        BaselineMetrics = registration.BaselineMetrics,
        Sha256 = record.Sha256,
        CreatedAt = record.CreatedAt,
        Stage = ModelStageText.Format(ModelStage.Candidate),
    };

    private static void ValidateName(string name, string what)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name, what);
        var safe = char.IsAsciiLetterOrDigit(name[0]) && name.All(character => char.IsAsciiLetterOrDigit(character) || character is '-' or '_' or '.');
        if (!safe)
        {
            throw new ArgumentException($"The model {what} '{name}' must start with a letter or digit and contain only letters, digits, '-', '_' and '.', because it becomes a folder name.", what);
        }
    }

    private static void DeleteQuietly(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (IOException)
        {
            // The next registration's clean-up removes whatever could not be deleted now.
        }
        catch (UnauthorizedAccessException)
        {
            // As above.
        }
    }
}
