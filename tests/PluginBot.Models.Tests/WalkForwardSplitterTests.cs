using PluginBot.Models.Training;

namespace PluginBot.Models.Tests;

public sealed class WalkForwardSplitterTests
{
    [Fact]
    public void Split_SixteenContiguousRows_PurgesLabelOverlapAndEmbargoesAfterEachTestFold()
    {
        // 16 rows on bars 0..15, 3 folds → 4 blocks of 4. Horizon 1 purges the last training bar before each test
        // fold (its label reads the first test bar). Embargo 2 removes bars 8 and 9 (right after fold 0's test bars
        // 4..7) from every later fold's training set.
        var bars = Enumerable.Range(0, 16).Select(bar => (long)bar).ToArray();

        var folds = WalkForwardSplitter.Split(bars, new WalkForwardOptions(Folds: 3, Horizon: 1, Embargo: 2));

        Assert.Equal(3, folds.Count);
        Assert.Equal([0, 1, 2], folds[0].TrainRows);
        Assert.Equal([4, 5, 6, 7], folds[0].TestRows);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6], folds[1].TrainRows);
        Assert.Equal([8, 9, 10, 11], folds[1].TestRows);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 10], folds[2].TrainRows);
        Assert.Equal([12, 13, 14, 15], folds[2].TestRows);
    }

    [Fact]
    public void Split_RowsWithBarGaps_PurgesByBarDistanceNotByRowPosition()
    {
        // Ten rows on bars with gaps (a regime filter dropped rows). Two folds: blocks start at rows 0, 3, 6.
        // Fold 0 tests rows 3..5 (first bar 20): with horizon 5, bars 15 and 17 reach bar 20 and are purged; bar 10 stays.
        // Fold 1 tests rows 6..9 (first bar 36): bar 31 + 5 reaches 36, so row 5 is purged although it is a whole
        // row away from the test fold, while bar 25 (row 4) stays.
        long[] bars = [10, 15, 17, 20, 25, 31, 36, 40, 44, 50];

        var folds = WalkForwardSplitter.Split(bars, new WalkForwardOptions(Folds: 2, Horizon: 5, Embargo: 4));

        Assert.Equal([0], folds[0].TrainRows);
        Assert.Equal([3, 4, 5], folds[0].TestRows);
        Assert.Equal([0, 1, 2, 3, 4], folds[1].TrainRows);
        Assert.Equal([6, 7, 8, 9], folds[1].TestRows);
    }

    [Fact]
    public void Split_EveryTrainingRowsLabel_EndsBeforeItsTestFoldStarts()
    {
        var bars = Enumerable.Range(0, 500).Select(bar => (long)bar * 2).ToArray();

        foreach (var fold in WalkForwardSplitter.Split(bars, new WalkForwardOptions(4, 15, 15)))
        {
            var firstTestBar = bars[fold.TestRows[0]];
            Assert.All(fold.TrainRows, row => Assert.True(bars[row] + 15 < firstTestBar));
        }
    }

    [Fact]
    public void Split_TooFewRowsForThePurge_ThrowsSayingWhy()
    {
        var bars = Enumerable.Range(0, 6).Select(bar => (long)bar).ToArray();

        var error = Assert.Throws<ArgumentException>(() => WalkForwardSplitter.Split(bars, new WalkForwardOptions(2, 5, 0)));

        Assert.StartsWith("Fold 0 has no training rows left after purging 5 bars", error.Message, StringComparison.Ordinal);
    }
}
