using System.Globalization;
using System.Text.Json;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Engine.Composition;

/// <summary>The committee part of a composition file: <c>regime</c>, <c>experts</c> and <c>committee</c>.</summary>
public static partial class StrategyCompositionLoader
{
    /// <summary>The strategy id a committee composition runs under (its slot name in records and swaps).</summary>
    public const string CommitteeStrategyId = "expert-committee";

    private static readonly string[] ExpertKeys = ["plugin", "settings", "regimes", "weight"];

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
            weight = (double)PositiveDecimal(path, weightElement, $"{jsonPath}.weight");
        }

        return new ExpertReference(
            new PluginReference(id, new PluginSettings(settings ?? default, $"{path}: {jsonPath}.settings")),
            regimes.Count == 0 ? Enum.GetValues<MarketRegime>() : regimes.Distinct().ToArray(),
            weight);
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
