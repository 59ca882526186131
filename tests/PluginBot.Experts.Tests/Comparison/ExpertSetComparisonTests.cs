using PluginBot.Experts.Comparison;

namespace PluginBot.Experts.Tests.Comparison;

public sealed class ExpertSetComparisonTests
{
    [Fact]
    public void Record_BothSets_KeepsThemApartAndComparesCandidateAgainstControl()
    {
        var comparison = new ExpertSetComparison(new SequentialProbabilityRatioTest(0.5, 0.6, 0.05, 0.1));
        foreach (var value in new[] { 2.0, 4.0, 6.0, 8.0, 10.0 })
        {
            comparison.Record(ExpertSetRole.Candidate, 0.5, value);
        }

        foreach (var value in new[] { 1.0, 2.0, 3.0, 4.0 })
        {
            comparison.Record(ExpertSetRole.Control, 0.5, value);
        }

        var result = comparison.CompareReturns();

        // The hand case of the Welch tests with the samples swapped: t changes sign, p does not.
        Assert.Equal(5, comparison.Candidate.Count);
        Assert.Equal(4, comparison.Control.Count);
        Assert.Equal(3.5 / Math.Sqrt(29.0 / 12), result.TStatistic, 1e-12);
        Assert.Equal(0.0691335931923924130, result.PValue, 1e-10);
        Assert.Equal(5, comparison.CandidateTest!.Observations);
        Assert.Equal(5 * Math.Log(1.2), comparison.CandidateTest.LogLikelihoodRatio, 1e-12);
    }
}
