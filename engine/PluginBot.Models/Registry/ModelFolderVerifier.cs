namespace PluginBot.Models.Registry;

/// <summary>
/// Checks one version folder against its index row. Kept apart from <see cref="ModelRegistry"/> because it only
/// reads files: it needs no lock and changes nothing, so <c>show</c> can run it while training registers.
/// </summary>
internal static class ModelFolderVerifier
{
    public static ModelVerification Verify(ModelVersionRecord record)
    {
        var problems = new List<string>();
        string? actualSha = null;
        var modelPath = Path.Combine(record.Directory, ModelFileNames.Model);
        if (!File.Exists(modelPath))
        {
            problems.Add($"{record}: {ModelFileNames.Model} is missing from {record.Directory}.");
        }
        else
        {
            actualSha = ModelRegistry.Sha256Of(modelPath);
            if (!string.Equals(actualSha, record.Sha256, StringComparison.Ordinal))
            {
                problems.Add($"{record}: {ModelFileNames.Model} has sha256 {actualSha} but {record.Sha256} was registered; the file was modified or replaced.");
            }
        }

        var schemaHash = CheckSchema(record, problems);
        CheckMetadata(record, schemaHash, problems);
        return new ModelVerification(record, problems, actualSha);
    }

    private static string? CheckSchema(ModelVersionRecord record, List<string> problems)
    {
        var schemaPath = Path.Combine(record.Directory, ModelFileNames.FeatureSchema);
        if (!File.Exists(schemaPath))
        {
            problems.Add($"{record}: {ModelFileNames.FeatureSchema} is missing.");
            return null;
        }

        try
        {
            return Features.FeatureSchema.Parse(File.ReadAllText(schemaPath)).Hash;
        }
        catch (FormatException exception)
        {
            problems.Add($"{record}: {ModelFileNames.FeatureSchema} is not a valid schema: {exception.Message}");
            return null;
        }
    }

    private static void CheckMetadata(ModelVersionRecord record, string? schemaHash, List<string> problems)
    {
        var metadataPath = Path.Combine(record.Directory, ModelFileNames.Metadata);
        if (!File.Exists(metadataPath))
        {
            problems.Add($"{record}: {ModelFileNames.Metadata} is missing.");
            return;
        }

        ModelMetadata metadata;
        try
        {
            metadata = ModelMetadataJson.Read(metadataPath);
        }
        catch (FormatException exception)
        {
            problems.Add($"{record}: {ModelFileNames.Metadata} is unreadable: {exception.Message}");
            return;
        }

        if (metadata.Symbol != record.Symbol || metadata.Kind != record.Kind || metadata.Version != record.VersionLabel)
        {
            problems.Add($"{record}: {ModelFileNames.Metadata} describes {metadata.Symbol}/{metadata.Kind} {metadata.Version} instead.");
        }

        if (!string.Equals(metadata.Sha256, record.Sha256, StringComparison.Ordinal))
        {
            problems.Add($"{record}: {ModelFileNames.Metadata} records sha256 {metadata.Sha256} but the index has {record.Sha256}.");
        }

        if (schemaHash is not null && !string.Equals(metadata.FeatureSetHash, schemaHash, StringComparison.Ordinal))
        {
            problems.Add($"{record}: {ModelFileNames.Metadata} expects feature set hash {metadata.FeatureSetHash} but {ModelFileNames.FeatureSchema} has {schemaHash}.");
        }
    }
}
