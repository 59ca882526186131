namespace PluginBot.Models.Training;

/// <summary>How well probabilities predicted labels on a set of rows.</summary>
/// <param name="Rows">Rows scored.</param>
/// <param name="Accuracy">Share of rows whose most probable class was right.</param>
/// <param name="LogLoss">Mean negative natural log of the probability given to the true class (clipped at 1e-7), so overconfidence is punished.</param>
/// <param name="ConfidentCoverage">Share of rows whose top probability reached the confidence threshold: how often the model would act.</param>
/// <param name="ConfidentHitRate">Accuracy on those confident rows only, or null when there were none.</param>
public sealed record ClassificationScore(int Rows, double Accuracy, double LogLoss, double ConfidentCoverage, double? ConfidentHitRate)
{
    /// <summary>The score as metadata.json metrics (camelCase names; the hit rate left out when undefined, since JSON has no NaN).</summary>
    public IReadOnlyDictionary<string, double> ToMetrics()
    {
        var metrics = new Dictionary<string, double>
        {
            ["rows"] = Rows,
            ["accuracy"] = Accuracy,
            ["logLoss"] = LogLoss,
            ["confidentCoverage"] = ConfidentCoverage,
        };
        if (ConfidentHitRate is { } hitRate)
        {
            metrics["confidentHitRate"] = hitRate;
        }

        return metrics;
    }
}
