namespace PluginBot.Models.Training;

/// <summary>
/// Scores class probabilities against labels, and builds the naive baselines every model must beat on the same rows.
/// </summary>
public static class ClassificationMetrics
{
    /// <summary>Top probability at or above which a prediction counts as confident (an expert would act on it).</summary>
    public const double DefaultConfidenceThreshold = 0.6;

    /// <summary>Floor applied to the true class's probability in the log loss, so one certain mistake is costly but finite.</summary>
    public const double ProbabilityFloor = 1e-7;

    /// <summary>Scores <paramref name="probabilities"/> (row-major, <paramref name="classCount"/> per row) against <paramref name="labels"/>.</summary>
    /// <exception cref="ArgumentException">The array lengths disagree, or there are no rows.</exception>
    public static ClassificationScore Score(ReadOnlySpan<float> probabilities, IReadOnlyList<int> labels, int classCount, double confidenceThreshold = DefaultConfidenceThreshold)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 2);
        if (labels.Count == 0 || probabilities.Length != labels.Count * classCount)
        {
            throw new ArgumentException($"Expected {labels.Count} rows × {classCount} probabilities, got {probabilities.Length} values.", nameof(probabilities));
        }

        var correct = 0;
        var confident = 0;
        var confidentCorrect = 0;
        var logLoss = 0.0;
        for (var row = 0; row < labels.Count; row++)
        {
            var rowProbabilities = probabilities.Slice(row * classCount, classCount);
            var predicted = 0;
            for (var column = 1; column < classCount; column++)
            {
                if (rowProbabilities[column] > rowProbabilities[predicted])
                {
                    predicted = column;
                }
            }

            var isCorrect = predicted == labels[row];
            correct += isCorrect ? 1 : 0;
            if (rowProbabilities[predicted] >= confidenceThreshold)
            {
                confident++;
                confidentCorrect += isCorrect ? 1 : 0;
            }

            logLoss -= Math.Log(Math.Max(rowProbabilities[labels[row]], ProbabilityFloor));
        }

        var rows = labels.Count;
        return new ClassificationScore(
            rows,
            (double)correct / rows,
            logLoss / rows,
            (double)confident / rows,
            confident == 0 ? null : (double)confidentCorrect / confident);
    }

    /// <summary>
    /// The always-long baseline: probability 1 on "up" for every row. Its accuracy is the share of up rows; its log
    /// loss is large on purpose, showing what certainty without information costs.
    /// </summary>
    public static float[] AlwaysLong(int rows, int classCount, int upClass)
    {
        var probabilities = new float[rows * classCount];
        for (var row = 0; row < rows; row++)
        {
            probabilities[(row * classCount) + upClass] = 1f;
        }

        return probabilities;
    }

    /// <summary>
    /// The majority-class baseline: every test row gets the class frequencies of the training rows, so it predicts
    /// the training fold's majority class with the prior's (honest) confidence.
    /// </summary>
    public static float[] MajorityClass(IReadOnlyList<int> trainingLabels, int testRows, int classCount)
    {
        ArgumentNullException.ThrowIfNull(trainingLabels);
        var frequencies = new float[classCount];
        foreach (var label in trainingLabels)
        {
            frequencies[label]++;
        }

        for (var column = 0; column < classCount; column++)
        {
            frequencies[column] /= Math.Max(1, trainingLabels.Count);
        }

        var probabilities = new float[testRows * classCount];
        for (var row = 0; row < testRows; row++)
        {
            frequencies.CopyTo(probabilities, row * classCount);
        }

        return probabilities;
    }
}
