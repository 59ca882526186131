using System.Globalization;
using System.Text.Json;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Regimes;
using static PluginBot.Engine.Composition.ConfigurationJson;

namespace PluginBot.Engine.Composition;

/// <summary>The committee part of a composition file: <c>regime</c>, <c>experts</c> and <c>committee</c>.</summary>
public static partial class StrategyCompositionLoader
{
    /// <summary>The strategy id a committee composition runs under (its slot name in records and swaps).</summary>
    public const string CommitteeStrategyId = "expert-committee";

    private static readonly string[] ExpertKeys = ["plugin", "settings", "regimes", "weight", "riskBudget"];

    private static PluginReference StrategyOrCommittee(string path, JsonElement root, out CommitteeComposition? committee)
    {
        var strategy = Optional(root, "strategy");
        var experts = Optional(root, "experts");
        if (strategy is { } single)
        {
            if (experts is not null || Optional(root, "regime") is not null || Optional(root, "committee") is not null)
            {
                throw new CompositionException(path, "$.experts",
                    "a composition has either one \"strategy\" or a committee (\"experts\", with optional \"regime\" and \"committee\"), not both");
            }

            committee = null;
            return Plugin(path, single, "$.strategy");
        }

        if (experts is not { } expertArray)
        {
            throw new CompositionException(path, "$.strategy", "is required (or \"experts\" for a mixture of experts)");
        }

        Expect(path, expertArray, "$.experts", JsonValueKind.Array);
        var references = new List<ExpertReference>();
        var index = 0;
        foreach (var element in expertArray.EnumerateArray())
        {
            references.Add(Expert(path, element, $"$.experts[{index++}]"));
        }

        if (references.Count == 0)
        {
            throw new CompositionException(path, "$.experts", "expected at least one expert");
        }

        var settings = Optional(root, "committee");
        if (settings is { } settingsElement)
        {
            Expect(path, settingsElement, "$.committee", JsonValueKind.Object);
        }

        committee = new CommitteeComposition
        {
            Regime = Optional(root, "regime") is { } regime ? Plugin(path, regime, "$.regime") : null,
            Experts = references,
            Settings = new PluginSettings(settings ?? default, $"{path}: $.committee"),
        };
        return new PluginReference(CommitteeStrategyId, new PluginSettings(settings ?? default, $"{path}: $.committee"));
    }

    private static readonly string[] CandidateKeys = ["regime", "experts", "committee"];
    private static readonly string[] SplitKeys = ["mode", "candidateFraction", "symbols", "salt"];

    private static ExpertSetExperiment? Experiment(string path, JsonElement root, CommitteeComposition? control)
    {
        var candidate = Optional(root, "candidate");
        var split = Optional(root, "split");
        if (candidate is null && split is null)
        {
            return null;
        }

        if (candidate is not { } candidateElement || split is not { } splitElement)
        {
            throw new CompositionException(path, candidate is null ? "$.candidate" : "$.split", "an expert-set experiment needs both \"candidate\" and \"split\"");
        }

        if (control is null)
        {
            throw new CompositionException(path, "$.candidate", "a candidate expert set needs a committee (\"experts\") to compare with, not a single \"strategy\"");
        }

        Expect(path, candidateElement, "$.candidate", JsonValueKind.Object);
        RejectUnknown(path, candidateElement, "$.candidate", CandidateKeys);
        Expect(path, splitElement, "$.split", JsonValueKind.Object);
        RejectUnknown(path, splitElement, "$.split", SplitKeys);
        var experts = Required(path, candidateElement, "$.candidate", "experts");
        Expect(path, experts, "$.candidate.experts", JsonValueKind.Array);
        var references = new List<ExpertReference>();
        var index = 0;
        foreach (var element in experts.EnumerateArray())
        {
            references.Add(Expert(path, element, $"$.candidate.experts[{index++}]"));
        }

        if (references.Count == 0)
        {
            throw new CompositionException(path, "$.candidate.experts", "expected at least one expert");
        }

        var settings = Optional(candidateElement, "committee");
        if (settings is { } settingsElement)
        {
            Expect(path, settingsElement, "$.candidate.committee", JsonValueKind.Object);
        }

        var mode = RequiredString(path, splitElement, "$.split", "mode");
        var symbols = new List<string>();
        if (Optional(splitElement, "symbols") is { } symbolArray)
        {
            Expect(path, symbolArray, "$.split.symbols", JsonValueKind.Array);
            var symbolIndex = 0;
            foreach (var symbol in symbolArray.EnumerateArray())
            {
                Expect(path, symbol, $"$.split.symbols[{symbolIndex++}]", JsonValueKind.String);
                symbols.Add(symbol.GetString()!);
            }
        }

        var fraction = Optional(splitElement, "candidateFraction") is { } fractionElement ? (double)NonNegative(path, fractionElement, "$.split.candidateFraction") : 0.5;
        var splitMode = mode switch
        {
            "hash" when fraction <= 1 => ExpertSetSplitMode.Hash,
            "hash" => throw new CompositionException(path, "$.split.candidateFraction", string.Create(CultureInfo.InvariantCulture, $"expected a fraction between 0 and 1, found {fraction}")),
            "symbol" when symbols.Count > 0 => ExpertSetSplitMode.Symbol,
            "symbol" => throw new CompositionException(path, "$.split.symbols", "expected the symbols the candidate trades (at least one) for mode \"symbol\""),
            "shadow" => ExpertSetSplitMode.Shadow,
            _ => throw new CompositionException(path, "$.split.mode", $"expected \"hash\", \"symbol\" or \"shadow\", found \"{mode}\""),
        };
        return new ExpertSetExperiment
        {
            Candidate = new CommitteeComposition
            {
                Regime = Optional(candidateElement, "regime") is { } regime ? Plugin(path, regime, "$.candidate.regime") : null,
                Experts = references,
                Settings = new PluginSettings(settings ?? default, $"{path}: $.candidate.committee"),
            },
            Mode = splitMode,
            CandidateFraction = fraction,
            CandidateSymbols = symbols,
            Salt = OptionalString(path, splitElement, "$.split", "salt") ?? string.Empty,
        };
    }

    private static ExpertReference Expert(string path, JsonElement element, string jsonPath)
    {
        Expect(path, element, jsonPath, JsonValueKind.Object);
        RejectUnknown(path, element, jsonPath, ExpertKeys);
        var id = RequiredString(path, element, jsonPath, "plugin");
        var settings = Optional(element, "settings");
        if (settings is { } settingsElement)
        {
            Expect(path, settingsElement, $"{jsonPath}.settings", JsonValueKind.Object);
        }

        var regimes = new List<MarketRegime>();
        if (Optional(element, "regimes") is { } regimeArray)
        {
            Expect(path, regimeArray, $"{jsonPath}.regimes", JsonValueKind.Array);
            var index = 0;
            foreach (var name in regimeArray.EnumerateArray())
            {
                var namePath = $"{jsonPath}.regimes[{index++}]";
                Expect(path, name, namePath, JsonValueKind.String);
                regimes.Add(ParseRegime(path, namePath, name.GetString()!));
            }
        }

        var weight = 1.0;
        if (Optional(element, "weight") is { } weightElement)
        {
            weight = (double)Positive(path, weightElement, $"{jsonPath}.weight");
        }

        double? riskBudget = null;
        if (Optional(element, "riskBudget") is { } budgetElement)
        {
            var budget = Positive(path, budgetElement, $"{jsonPath}.riskBudget");
            riskBudget = budget <= 1
                ? (double)budget
                : throw new CompositionException(path, $"{jsonPath}.riskBudget",
                    string.Create(CultureInfo.InvariantCulture, $"expected a fraction of equity above 0 and at most 1, found {budget}"));
        }

        return new ExpertReference(
            new PluginReference(id, new PluginSettings(settings ?? default, $"{path}: {jsonPath}.settings", Path.GetDirectoryName(Path.GetFullPath(path)))),
            regimes.Count == 0 ? Enum.GetValues<MarketRegime>() : regimes.Distinct().ToArray(),
            weight,
            riskBudget);
    }

    /// <summary>Reads a regime name as written in compositions (camelCase: highVolatility, lowVolatility, trending, ranging).</summary>
    public static bool TryParseRegime(string name, out MarketRegime regime)
    {
        foreach (var candidate in Enum.GetValues<MarketRegime>())
        {
            if (string.Equals(RegimeName(candidate), name, StringComparison.Ordinal))
            {
                regime = candidate;
                return true;
            }
        }

        regime = default;
        return false;
    }

    /// <summary>The name of a regime as written in compositions and records.</summary>
    public static string RegimeName(MarketRegime regime)
    {
        var text = regime.ToString();
        return string.Create(CultureInfo.InvariantCulture, $"{char.ToLowerInvariant(text[0])}{text[1..]}");
    }

    private static MarketRegime ParseRegime(string path, string jsonPath, string name) =>
        TryParseRegime(name, out var regime)
            ? regime
            : throw new CompositionException(path, jsonPath,
                $"unknown regime '{name}'; expected one of: {string.Join(", ", Enum.GetValues<MarketRegime>().Select(RegimeName))}");
}
