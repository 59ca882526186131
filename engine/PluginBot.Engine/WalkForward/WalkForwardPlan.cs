using System.Globalization;

namespace PluginBot.Engine.WalkForward;

/// <summary>Cuts a timeline of bars into rolling train/test folds; the test windows follow each other without overlap.</summary>
public static class WalkForwardPlan
{
    /// <summary>
    /// Folds over the distinct bar start times <paramref name="startTimes"/> (sorted ascending): fold k trains on
    /// <paramref name="trainBars"/> bars and tests on the next <paramref name="testBars"/>, then the window rolls forward
    /// by <paramref name="testBars"/>. A last test window shorter than half of <paramref name="testBars"/> is dropped
    /// (its statistics would be noise).
    /// </summary>
    /// <param name="startTimes">Distinct bar start times, ascending.</param>
    /// <param name="barDuration">The bar interval, to compute the end of the last bar.</param>
    /// <param name="trainBars">Bars per training window (at least 1).</param>
    /// <param name="testBars">Bars per test window (at least 1).</param>
    public static IReadOnlyList<WalkForwardFold> Create(IReadOnlyList<DateTime> startTimes, TimeSpan barDuration, int trainBars, int testBars)
    {
        if (trainBars < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(trainBars), trainBars, "--train: expected at least 1 bar.");
        }

        if (testBars < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(testBars), testBars, "--test: expected at least 1 bar.");
        }

        if (startTimes.Count < trainBars + testBars)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
                $"--train {trainBars} and --test {testBars} need at least {trainBars + testBars} bars; the data has {startTimes.Count}."));
        }

        var folds = new List<WalkForwardFold>();
        for (var testStart = trainBars; testStart < startTimes.Count; testStart += testBars)
        {
            var testEnd = Math.Min(testStart + testBars, startTimes.Count);
            var length = testEnd - testStart;
            if (folds.Count > 0 && length * 2 < testBars)
            {
                break;
            }

            var end = testEnd < startTimes.Count ? startTimes[testEnd] : startTimes[^1] + barDuration;
            folds.Add(new WalkForwardFold(folds.Count, startTimes[testStart - trainBars], startTimes[testStart], end, trainBars, length));
        }

        return folds;
    }
}
