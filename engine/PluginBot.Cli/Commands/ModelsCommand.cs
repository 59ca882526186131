using System.CommandLine;
using System.Globalization;
using PluginBot.Models.Registry;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot models list|show|promote|rollback</c>: the operator's view of the model registry. All state changes
/// are the registry's (PluginBot.Models); this class only parses arguments and prints.
/// </summary>
internal static class ModelsCommand
{
    private const int FailureExitCode = 2;

    public static Command Create()
    {
        var registry = new Option<string?>("--registry") { Description = "Registry folder (default: models/ at the repository root, else in the working directory)", Recursive = true };
        var symbolFilter = new Option<string?>("--symbol") { Description = "Only this symbol" };
        var kindFilter = new Option<string?>("--kind") { Description = "Only this kind, e.g. direction-mlp" };
        var list = new Command("list", "List registered model versions with their stage") { symbolFilter, kindFilter };
        list.SetAction(parse => List(Open(parse.GetValue(registry)), parse.GetValue(symbolFilter), parse.GetValue(kindFilter), Console.Out));

        var show = VersionCommand("show", "Show a version's metadata and check its files (exit 1 when tampered)");
        show.Command.SetAction(parse => Guard(() => Show(Open(parse.GetValue(registry)), parse.GetValue(show.Symbol)!, parse.GetValue(show.Kind)!, parse.GetValue(show.Version)!, Console.Out)));

        var promote = VersionCommand("promote", "Move a version one stage forward: candidate → staging → production (archives the previous production)");
        promote.Command.SetAction(parse => Guard(() => Promote(Open(parse.GetValue(registry)), parse.GetValue(promote.Symbol)!, parse.GetValue(promote.Kind)!, parse.GetValue(promote.Version)!, Console.Out)));

        var rollbackSymbol = new Argument<string>("SYMBOL") { Description = "e.g. BTCUSDT" };
        var rollbackKind = new Argument<string>("KIND") { Description = "e.g. direction-mlp" };
        var rollback = new Command("rollback", "Restore the previous production version and archive the current one") { rollbackSymbol, rollbackKind };
        rollback.SetAction(parse => Guard(() => Rollback(Open(parse.GetValue(registry)), parse.GetValue(rollbackSymbol)!, parse.GetValue(rollbackKind)!, Console.Out)));

        return new Command("models", "Inspect and promote registered models") { registry, list, show.Command, promote.Command, rollback };
    }

    /// <summary>The registry at <paramref name="root"/>, or at the default place.</summary>
    internal static ModelRegistry Open(string? root) => new(root ?? DefaultRoot());

    /// <summary>models/ at the repository root when inside the repository, else in the working directory.</summary>
    internal static string DefaultRoot() =>
        RepositoryLayout.FindRoot() is { } repository ? Path.Combine(repository, ModelRegistry.DefaultRoot) : ModelRegistry.DefaultRoot;

    internal static int List(ModelRegistry registry, string? symbol, string? kind, TextWriter output)
    {
        var records = registry.List(symbol, kind);
        if (records.Count == 0)
        {
            output.WriteLine($"No models registered in {registry.Root}.");
            return 0;
        }

        output.WriteLine($"{"SYMBOL",-10} {"KIND",-34} {"VERSION",-8} {"STAGE",-11} {"PARENT",-7} {"SHA256",-13} CREATED");
        foreach (var record in records)
        {
            var parent = record.ParentVersion is { } version ? ModelVersionLabel.Format(version) : "-";
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{record.Symbol,-10} {record.Kind,-34} {record.VersionLabel,-8} {ModelStageText.Format(record.Stage),-11} {parent,-7} {record.Sha256[..12],-13} {record.CreatedAt:yyyy-MM-dd'T'HH:mm:ss'Z'}"));
        }

        return 0;
    }

    internal static int Show(ModelRegistry registry, string symbol, string kind, string versionText, TextWriter output)
    {
        var details = registry.Show(symbol, kind, ModelVersionLabel.Parse(versionText));
        output.WriteLine($"{details.Record} — {ModelStageText.Format(details.Record.Stage)}");
        output.WriteLine($"folder: {details.Record.Directory}");
        if (details.Metadata is { } metadata)
        {
            output.Write(ModelMetadataJson.Serialize(metadata));
        }

        if (details.Verification.IsIntact)
        {
            output.WriteLine("verified: files present, sha256 matches, schema and metadata consistent");
            return 0;
        }

        foreach (var problem in details.Verification.Problems)
        {
            output.WriteLine($"PROBLEM: {problem}");
        }

        return 1;
    }

    internal static int Promote(ModelRegistry registry, string symbol, string kind, string versionText, TextWriter output)
    {
        var version = ModelVersionLabel.Parse(versionText);
        var before = registry.Get(symbol, kind, version);
        var previousProduction = registry.GetProduction(symbol, kind);
        var after = registry.Promote(symbol, kind, version);
        var archived = after.Stage == ModelStage.Production && previousProduction is not null
            ? $" (archived {previousProduction.VersionLabel})"
            : string.Empty;
        output.WriteLine($"{after}: {ModelStageText.Format(before.Stage)} → {ModelStageText.Format(after.Stage)}{archived}");
        return 0;
    }

    internal static int Rollback(ModelRegistry registry, string symbol, string kind, TextWriter output)
    {
        var result = registry.Rollback(symbol, kind);
        output.WriteLine($"{symbol}/{kind}: production is {result.Restored.VersionLabel} again; {result.Archived.VersionLabel} archived");
        return 0;
    }

    private static (Command Command, Argument<string> Symbol, Argument<string> Kind, Argument<string> Version) VersionCommand(string name, string description)
    {
        var symbol = new Argument<string>("SYMBOL") { Description = "e.g. BTCUSDT" };
        var kind = new Argument<string>("KIND") { Description = "e.g. direction-mlp" };
        var version = new Argument<string>("VERSION") { Description = "v0003, v3 or 3" };
        return (new Command(name, description) { symbol, kind, version }, symbol, kind, version);
    }

    /// <summary>Registry refusals are expected operator errors: print the message, not a stack trace.</summary>
    private static int Guard(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception exception) when (exception is ModelRegistryException or FormatException)
        {
            Console.Error.WriteLine(exception.Message);
            return FailureExitCode;
        }
    }
}
