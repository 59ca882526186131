using PluginBot.Experts.Committees;
using PluginBot.Experts.Ensembles;
using PluginBot.Experts.Routing;
using PluginBot.Sdk.Configuration;

namespace PluginBot.Engine.Committees;

/// <summary>
/// Reads a composition's <c>committee</c> object into the committee's options and ensemble choice. Unknown keys and
/// out-of-range values are errors naming the file and the JSON path, like every other setting.
/// </summary>
public static class CommitteeSettings
{
    /// <summary>The ensembles a composition may name.</summary>
    public static readonly IReadOnlyList<string> EnsembleNames = ["weighted-voting", "dynamic-weighted-majority", "bayesian-model-averaging"];

    /// <summary>Reads the committee options.</summary>
    public static CommitteeOptions ReadOptions(PluginSettings settings)
    {
        settings.RejectUnknown(
            "routing", "minimumTopProbability", "maximumEntropy", "ensemble", "penalty", "minimumWeight", "forgettingFactor",
            "probabilityLimit", "disagreementPenalty", "maximumDisagreement", "minimumConfidence");
        var routing = settings.GetString("routing", "soft") switch
        {
            "soft" => RoutingMode.Soft,
            "hard" => RoutingMode.Hard,
            var other => throw new PluginSettingsException($"{settings.Path}.routing", $"expected \"soft\" or \"hard\", found \"{other}\""),
        };
        return new CommitteeOptions
        {
            Routing = new RouterOptions
            {
                Mode = routing,
                MinimumTopProbability = settings.GetDouble("minimumTopProbability", 0, minimum: 0, maximum: 1),
                MaximumNormalisedEntropy = settings.GetDouble("maximumEntropy", 1, minimum: 0, maximum: 1),
            },
            DisagreementPenalty = settings.GetDouble("disagreementPenalty", 1, minimum: 0, maximum: 1),
            MaximumDisagreement = settings.GetDouble("maximumDisagreement", 1, minimum: 0, maximum: 1),
            MinimumConfidence = settings.GetDouble("minimumConfidence", 0, minimum: 0, maximum: 1),
        };
    }

    /// <summary>A factory for the named ensemble (one per symbol), with the composition's prior weights.</summary>
    public static Func<int, IEnsemble> ReadEnsemble(PluginSettings settings, IReadOnlyList<double> priorWeights)
    {
        var factory = EnsembleFactory(settings, priorWeights);
        try
        {
            // Built once here so a combination the ensemble refuses (say a minimum weight of 1/N or more) is a
            // settings error at load time, not an exception on the first bar.
            factory(priorWeights.Count);
        }
        catch (ArgumentException exception)
        {
            throw new PluginSettingsException(settings.Path, $"the ensemble refuses these settings: {exception.Message}");
        }

        return factory;
    }

    private static Func<int, IEnsemble> EnsembleFactory(PluginSettings settings, IReadOnlyList<double> priorWeights)
    {
        var name = settings.GetString("ensemble", "weighted-voting");
        switch (name)
        {
            case "weighted-voting":
                return _ => new WeightedVotingEnsemble(priorWeights);
            case "dynamic-weighted-majority":
                var majority = new DynamicWeightedMajorityOptions
                {
                    Penalty = settings.GetDouble("penalty", 0.5, minimum: 0.0001, maximum: 0.9999),
                    MinimumWeight = settings.GetDouble("minimumWeight", 0.01, minimum: 0, maximum: 1),
                };
                return count => new DynamicWeightedMajorityEnsemble(count, majority);
            case "bayesian-model-averaging":
                var averaging = new BayesianModelAveragingOptions
                {
                    ForgettingFactor = settings.GetDouble("forgettingFactor", 0.99, minimum: 0.0001, maximum: 1),
                    ProbabilityLimit = settings.GetDouble("probabilityLimit", 0.01, minimum: 0.0001, maximum: 0.4999),
                    Priors = priorWeights,
                };
                return count => new BayesianModelAveragingEnsemble(count, averaging);
            default:
                throw new PluginSettingsException($"{settings.Path}.ensemble", $"expected one of {string.Join(", ", EnsembleNames)}, found \"{name}\"");
        }
    }
}
