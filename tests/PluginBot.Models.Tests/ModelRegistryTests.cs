using PluginBot.Features;
using PluginBot.Models.Registry;
using PluginBot.Models.Tests.Infrastructure;

namespace PluginBot.Models.Tests;

public sealed class ModelRegistryTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2024, 3, 1, 12, 30, 0, TimeSpan.Zero);
    private readonly TemporaryDirectory directory = new();
    private readonly ModelRegistry registry;
    private readonly string modelFile;

    public ModelRegistryTests()
    {
        registry = new ModelRegistry(Path.Combine(directory.Path, "models"), new FixedTimeProvider(Now));
        modelFile = Path.Combine(directory.Path, "model.onnx");
        File.WriteAllBytes(modelFile, [1, 2, 3, 4, 5]);
    }

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Register_FirstVersion_WritesTheSharedFolderFormatAsCandidate()
    {
        var record = registry.Register(Registration());

        Assert.Equal("v0001", record.VersionLabel);
        Assert.Equal(Path.Combine(registry.Root, "BTCUSDT", "direction-mlp", "v0001"), record.Directory);
        Assert.Equal(["feature_schema.json", "metadata.json", "model.onnx"], Directory.GetFiles(record.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // SHA-256 of the bytes 01 02 03 04 05.
        const string expectedSha = "74f81fe167d99b4cb41d6d0ccda82278caee9f3e2f25d5e5a3936ff3dcec60d0";
        Assert.Equal(expectedSha, record.Sha256);
        var schema = new FeatureSetCatalog().GetSchema("default");
        Assert.Equal(schema.ToJson(), File.ReadAllText(Path.Combine(record.Directory, "feature_schema.json")));

        var metadata = ModelMetadataJson.Read(Path.Combine(record.Directory, "metadata.json"));
        Assert.Equal(("BTCUSDT", "direction-mlp", "v0001", null), (metadata.Symbol, metadata.Kind, metadata.Version, metadata.ParentVersion));
        Assert.Equal((expectedSha, "candidate", schema.Hash), (metadata.Sha256, metadata.Stage, metadata.FeatureSetHash));
        Assert.Equal(Now.UtcDateTime, metadata.CreatedAt);
        var text = File.ReadAllText(Path.Combine(record.Directory, "metadata.json"));
        Assert.Contains("\"parentVersion\": null", text, StringComparison.Ordinal);
        Assert.Contains("\"from\": \"2022-12-13T00:00:00Z\"", text, StringComparison.Ordinal);
        Assert.Contains("\"createdAt\": \"2024-03-01T12:30:00Z\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Register_WhileAVersionIsInProduction_RecordsItAsParentAndTakesTheNextNumber()
    {
        registry.Register(Registration());
        registry.Promote("BTCUSDT", "direction-mlp", 1);
        registry.Promote("BTCUSDT", "direction-mlp", 1);

        var second = registry.Register(Registration());

        Assert.Equal((2, 1), (second.Version, second.ParentVersion));
        Assert.Equal("v0001", ModelMetadataJson.Read(Path.Combine(second.Directory, "metadata.json")).ParentVersion);
    }

    [Fact]
    public void Promote_StagingToProduction_ArchivesThePreviousProductionAndBumpsTheRevision()
    {
        registry.Register(Registration());
        registry.Register(Registration());
        registry.Promote("BTCUSDT", "direction-mlp", 1);
        registry.Promote("BTCUSDT", "direction-mlp", 1);
        var before = registry.GetRevision();

        Assert.Equal(ModelStage.Staging, registry.Promote("BTCUSDT", "direction-mlp", 2).Stage);
        Assert.Equal(ModelStage.Production, registry.Promote("BTCUSDT", "direction-mlp", 2).Stage);

        Assert.Equal(before + 2, registry.GetRevision());
        Assert.Equal(2, registry.GetProduction("BTCUSDT", "direction-mlp")!.Version);
        Assert.Equal([ModelStage.Archived, ModelStage.Production], registry.List("BTCUSDT", "direction-mlp").Select(record => record.Stage));
    }

    [Fact]
    public void GetRevision_ReadsWithoutChanging_AndGetProductionIsNullBeforeAnyPromotion()
    {
        Assert.Equal(0, registry.GetRevision());
        registry.Register(Registration());
        Assert.Equal(1, registry.GetRevision());
        registry.List();
        registry.Verify("BTCUSDT", "direction-mlp", 1);
        Assert.Equal(1, registry.GetRevision());
        Assert.Null(registry.GetProduction("BTCUSDT", "direction-mlp"));
    }

    [Fact]
    public void Promote_ArchivedVersion_ThrowsNamingVersionAndStage()
    {
        registry.Register(Registration());
        registry.Register(Registration());
        foreach (var version in new[] { 1, 1, 2, 2 })
        {
            registry.Promote("BTCUSDT", "direction-mlp", version);
        }

        var error = Assert.Throws<ModelRegistryException>(() => registry.Promote("BTCUSDT", "direction-mlp", 1));

        Assert.StartsWith("Cannot promote BTCUSDT/direction-mlp v0001 from archived: only a candidate (to staging) or a staging version (to production)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Promote_ProductionVersion_IsIllegalAndChangesNothing()
    {
        registry.Register(Registration());
        registry.Promote("BTCUSDT", "direction-mlp", 1);
        registry.Promote("BTCUSDT", "direction-mlp", 1);
        var revision = registry.GetRevision();

        var error = Assert.Throws<ModelRegistryException>(() => registry.Promote("BTCUSDT", "direction-mlp", 1));

        Assert.Contains("v0001 from production", error.Message, StringComparison.Ordinal);
        Assert.Equal(revision, registry.GetRevision());
    }

    [Fact]
    public void Get_UnknownVersion_ThrowsListingTheKnownOnes()
    {
        registry.Register(Registration());
        registry.Register(Registration());

        var error = Assert.Throws<ModelRegistryException>(() => registry.Show("BTCUSDT", "direction-mlp", 9));
        var none = Assert.Throws<ModelRegistryException>(() => registry.Promote("ETHUSDT", "direction-mlp", 1));

        Assert.Equal("BTCUSDT/direction-mlp has no version v0009 (known versions: v0001, v0002).", error.Message);
        Assert.Equal("ETHUSDT/direction-mlp has no version v0001 (no versions are registered for it).", none.Message);
    }

    [Fact]
    public void Show_TamperedModel_ReportsTheShaMismatch_AndPromotionToProductionIsRefused()
    {
        var record = registry.Register(Registration());
        registry.Promote("BTCUSDT", "direction-mlp", 1);
        File.WriteAllBytes(record.ModelPath, [1, 2, 3, 4, 6]);

        var details = registry.Show("BTCUSDT", "direction-mlp", 1);
        var error = Assert.Throws<ModelRegistryException>(() => registry.Promote("BTCUSDT", "direction-mlp", 1));

        Assert.False(details.Verification.IsIntact);
        var problem = Assert.Single(details.Verification.Problems);
        Assert.StartsWith("BTCUSDT/direction-mlp v0001: model.onnx has sha256 ", problem, StringComparison.Ordinal);
        Assert.EndsWith($"but {record.Sha256} was registered; the file was modified or replaced.", problem, StringComparison.Ordinal);
        Assert.Contains("Cannot promote BTCUSDT/direction-mlp v0001 to production", error.Message, StringComparison.Ordinal);
        Assert.Equal(ModelStage.Staging, registry.Get("BTCUSDT", "direction-mlp", 1).Stage);
    }

    [Fact]
    public void Verify_IntactVersion_HasNoProblems_AndAMissingSchemaIsReported()
    {
        var record = registry.Register(Registration());
        Assert.True(registry.Verify("BTCUSDT", "direction-mlp", 1).IsIntact);

        File.Delete(Path.Combine(record.Directory, "feature_schema.json"));

        Assert.Equal(["BTCUSDT/direction-mlp v0001: feature_schema.json is missing."], registry.Verify("BTCUSDT", "direction-mlp", 1).Problems);
    }

    [Fact]
    public void Rollback_AfterTwoProductionVersions_RestoresThePreviousAndArchivesTheCurrent()
    {
        for (var version = 1; version <= 3; version++)
        {
            registry.Register(Registration());
            registry.Promote("BTCUSDT", "direction-mlp", version);
            registry.Promote("BTCUSDT", "direction-mlp", version);
        }

        var first = registry.Rollback("BTCUSDT", "direction-mlp");
        var second = registry.Rollback("BTCUSDT", "direction-mlp");

        Assert.Equal((2, 3), (first.Restored.Version, first.Archived.Version));
        Assert.Equal((1, 2), (second.Restored.Version, second.Archived.Version));
        Assert.Equal([ModelStage.Production, ModelStage.Archived, ModelStage.Archived], registry.List().Select(record => record.Stage));
        var error = Assert.Throws<ModelRegistryException>(() => registry.Rollback("BTCUSDT", "direction-mlp"));
        Assert.Equal("Cannot roll back BTCUSDT/direction-mlp v0001: no earlier production version to restore (it is the first version promoted to production).", error.Message);
    }

    [Fact]
    public void Rollback_WithoutProduction_ThrowsNamingSymbolAndKind()
    {
        registry.Register(Registration());

        var error = Assert.Throws<ModelRegistryException>(() => registry.Rollback("BTCUSDT", "direction-mlp"));

        Assert.Equal("Cannot roll back BTCUSDT/direction-mlp: it has no production version.", error.Message);
    }

    [Fact]
    public void Register_AfterACrashMidRegistration_IgnoresAndCleansTheHalfWrittenFolders()
    {
        registry.Register(Registration());

        // What a crash leaves: a temporary folder being written, and a renamed folder whose index row never committed.
        var kindDirectory = Path.Combine(registry.Root, "BTCUSDT", "direction-mlp");
        Directory.CreateDirectory(Path.Combine(kindDirectory, ".tmp-v0002"));
        File.WriteAllText(Path.Combine(kindDirectory, ".tmp-v0002", "model.onnx"), "half");
        Directory.CreateDirectory(Path.Combine(kindDirectory, "v0002"));
        File.WriteAllText(Path.Combine(kindDirectory, "v0002", "model.onnx"), "orphan");

        Assert.Equal([1], registry.List().Select(record => record.Version));
        var next = registry.Register(Registration());

        Assert.Equal(2, next.Version);
        Assert.True(registry.Verify("BTCUSDT", "direction-mlp", 2).IsIntact);
        Assert.Equal(["v0001", "v0002"], Directory.GetDirectories(kindDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void CleanUnfinished_RemovesOnlyFoldersWithoutIndexRows()
    {
        registry.Register(Registration());
        var kindDirectory = Path.Combine(registry.Root, "BTCUSDT", "direction-mlp");
        Directory.CreateDirectory(Path.Combine(kindDirectory, ".tmp-v0002"));
        Directory.CreateDirectory(Path.Combine(kindDirectory, "v0007"));

        Assert.Equal(2, registry.CleanUnfinished());
        Assert.Equal(["v0001"], Directory.GetDirectories(kindDirectory).Select(Path.GetFileName));
    }

    [Fact]
    public void Register_WhenCopyingFails_LeavesNoVersionBehind()
    {
        var missingModel = Registration() with { ModelPath = Path.Combine(directory.Path, "nowhere.onnx") };

        var error = Assert.Throws<FileNotFoundException>(() => registry.Register(missingModel));

        Assert.Contains("BTCUSDT/direction-mlp", error.Message, StringComparison.Ordinal);
        Assert.Empty(registry.List());
        Assert.Equal(0, registry.GetRevision());
    }

    [Fact]
    public void Register_KindThatIsNotAFolderName_IsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => registry.Register(Registration() with { Kind = "../escape" }));

        Assert.Contains("'../escape'", error.Message, StringComparison.Ordinal);
    }

    private ModelRegistration Registration() => new()
    {
        Symbol = "BTCUSDT",
        Kind = "direction-mlp",
        ModelPath = modelFile,
        FeatureSchema = new FeatureSetCatalog().GetSchema("default"),
        ModelType = "mlp",
        Label = "forward-return:15",
        TrainingWindow = new TrainingWindow(new DateTime(2022, 12, 13, 0, 0, 0, DateTimeKind.Utc), new DateTime(2022, 12, 13, 23, 59, 0, DateTimeKind.Utc)),
    };
}
