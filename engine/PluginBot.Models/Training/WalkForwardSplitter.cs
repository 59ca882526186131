namespace PluginBot.Models.Training;

/// <summary>
/// Walk-forward folds with purging and an embargo, computed on bar indices rather than row positions so they stay
/// right when rows are missing (warm-up, a regime filter, gaps between files).
/// </summary>
/// <remarks>
/// <para>Rows are cut into Folds + 1 contiguous blocks of (nearly) equal size; fold k tests block k + 1 and trains only
/// on rows before it, so no model ever sees the future of the rows it is scored on.</para>
/// <para>Purging: a training row at bar b carries a label read from bar b + H. If b + H reaches the first test bar,
/// the label knows a price inside the test fold, so the row is dropped.</para>
/// <para>Embargo: the E bars after each test fold are never trained on by later folds. Their features are rolling
/// windows over the test fold's bars, so training on them would make the pooled out-of-sample predictions (which
/// model selection and stacking read) depend on the very bars they score.</para>
/// </remarks>
public static class WalkForwardSplitter
{
    /// <summary>Splits rows whose bars are <paramref name="barIndices"/> (strictly increasing).</summary>
    /// <exception cref="ArgumentException">Indices not increasing, or a fold would have no training or no test rows.</exception>
    public static IReadOnlyList<WalkForwardFold> Split(IReadOnlyList<long> barIndices, WalkForwardOptions options)
    {
        ArgumentNullException.ThrowIfNull(barIndices);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Folds, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Horizon, 0);
        ArgumentOutOfRangeException.ThrowIfNegative(options.Embargo);
        for (var row = 1; row < barIndices.Count; row++)
        {
            if (barIndices[row] <= barIndices[row - 1])
            {
                throw new ArgumentException($"Bar indices must increase strictly; row {row} has {barIndices[row]} after {barIndices[row - 1]}.", nameof(barIndices));
            }
        }

        var blocks = options.Folds + 1;
        var folds = new List<WalkForwardFold>(options.Folds);
        var embargoed = new List<(long From, long To)>();
        for (var fold = 0; fold < options.Folds; fold++)
        {
            var testStart = BlockStart(fold + 1, blocks, barIndices.Count);
            var testEnd = BlockStart(fold + 2, blocks, barIndices.Count);
            if (testEnd <= testStart)
            {
                throw new ArgumentException($"{barIndices.Count} rows are too few for {options.Folds} folds: fold {fold} has no test rows.", nameof(barIndices));
            }

            var firstTestBar = barIndices[testStart];
            var train = new List<int>(testStart);
            for (var row = 0; row < testStart; row++)
            {
                var bar = barIndices[row];
                var purged = bar + options.Horizon >= firstTestBar;
                var isEmbargoed = embargoed.Exists(span => bar > span.From && bar <= span.To);
                if (!purged && !isEmbargoed)
                {
                    train.Add(row);
                }
            }

            if (train.Count == 0)
            {
                throw new ArgumentException(
                    $"Fold {fold} has no training rows left after purging {options.Horizon} bars and an embargo of {options.Embargo} bars; use fewer folds or more data.",
                    nameof(barIndices));
            }

            folds.Add(new WalkForwardFold(fold, train, Enumerable.Range(testStart, testEnd - testStart).ToArray()));
            var lastTestBar = barIndices[testEnd - 1];
            embargoed.Add((lastTestBar, lastTestBar + options.Embargo));
        }

        return folds;
    }

    private static int BlockStart(int block, int blocks, int rows) => (int)((long)block * rows / blocks);
}
