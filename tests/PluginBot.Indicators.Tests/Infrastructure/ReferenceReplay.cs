using System.Globalization;
using System.Text;

namespace PluginBot.Indicators.Tests.Infrastructure;

/// <summary>
/// Feeds a reference file through an indicator and compares every row where the indicator is ready and the expected
/// cell is filled, the rule of Lean's TestHelper. With <c>afterReset</c> the file is replayed once, the indicator
/// reset, and then replayed and compared again, which proves Reset restores a clean state.
/// </summary>
internal static class ReferenceReplay
{
    public static void AssertMatches<TIndicator>(
        string fileName,
        TIndicator indicator,
        Action<TIndicator, ReferenceRow> feed,
        bool afterReset,
        params Expectation<TIndicator>[] expectations)
        where TIndicator : IIndicator
    {
        var file = ReferenceFile.Load(fileName);
        if (afterReset)
        {
            foreach (var row in file.Rows)
            {
                feed(indicator, row);
            }

            Assert.True(indicator.IsReady, "the first replay should have warmed the indicator up");
            indicator.Reset();
            Assert.False(indicator.IsReady);
            Assert.Equal(0, indicator.Samples);
            Assert.Equal(0, indicator.Value);
        }

        var compared = new int[expectations.Length];
        var worstError = new double[expectations.Length];
        var failures = new StringBuilder();
        var failureCount = 0;
        for (var index = 0; index < file.Rows.Count; index++)
        {
            var row = file.Rows[index];
            feed(indicator, row);
            var sample = index + 1;
            Assert.Equal(sample, indicator.Samples);
            Assert.True(
                indicator.IsReady == (sample >= indicator.WarmUpPeriod),
                $"{fileName} line {row.LineNumber}: IsReady={indicator.IsReady} at sample {sample}, WarmUpPeriod={indicator.WarmUpPeriod}");

            for (var check = 0; check < expectations.Length; check++)
            {
                var expectation = expectations[check];
                var cell = row.Number(expectation.Column);
                if (cell is null)
                {
                    continue;
                }

                var expected = expectation.TransformExpected?.Invoke(cell.Value) ?? cell.Value;

                var comparable = expectation.IsComparable?.Invoke(indicator) ?? indicator.IsReady;
                if (!comparable)
                {
                    continue;
                }

                compared[check]++;
                var actual = expectation.Actual(indicator);
                var error = Math.Abs(expected - actual);
                worstError[check] = Math.Max(worstError[check], double.IsNaN(error) ? double.PositiveInfinity : error);
                var matches = expectation.Matches?.Invoke(expected, actual) ?? LeanAssertion(expected, actual, expectation.Tolerance);
                if (!matches && failureCount++ < 10)
                {
                    failures.Append(CultureInfo.InvariantCulture, $"\n  line {row.LineNumber} '{expectation.Column}': expected {expected:R}, actual {actual:R}, error {error:G3}");
                }
            }
        }

        var summary = new StringBuilder();
        for (var check = 0; check < expectations.Length; check++)
        {
            summary.Append(CultureInfo.InvariantCulture, $"\n  '{expectations[check].Column}': {compared[check]} rows compared, worst error {worstError[check]:G3}");
        }

        Assert.True(failureCount == 0, $"{fileName}: {failureCount} mismatches{failures}{summary}");
        for (var check = 0; check < expectations.Length; check++)
        {
            Assert.True(compared[check] > 0, $"{fileName}: no row of '{expectations[check].Column}' was compared");
        }
    }

    /// <summary>
    /// Lean's CommonIndicatorTests assertion: absolute error within tolerance and relative error at most 1
    /// (the comment there says 1 %, the code checks 100 %).
    /// </summary>
    private static bool LeanAssertion(double expected, double actual, double tolerance)
    {
        var error = Math.Abs(expected - actual);
        if (!(error <= tolerance))
        {
            return false;
        }

        return expected == 0 || error / Math.Abs(expected) <= 1;
    }
}
