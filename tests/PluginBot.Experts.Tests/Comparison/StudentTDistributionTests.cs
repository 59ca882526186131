using PluginBot.Experts.Comparison;

namespace PluginBot.Experts.Tests.Comparison;

public sealed class StudentTDistributionTests
{
    // Critical values from the t table (two-sided 5 % and 1 %), given to 12 digits so the p-value is exact to ~1e-11.
    [Theory]
    [InlineData(2.228138851986, 10, 0.05)]
    [InlineData(2.570581835636, 5, 0.05)]
    [InlineData(2.085963447265, 20, 0.05)]
    [InlineData(2.749995653, 30, 0.01)]
    public void TwoSidedPValue_TableCriticalValues_GiveTheirSignificanceLevel(double t, double degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, StudentTDistribution.TwoSidedPValue(t, degreesOfFreedom), 1e-9);
        Assert.Equal(expected, StudentTDistribution.TwoSidedPValue(-t, degreesOfFreedom), 1e-9);
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(1)]
    [InlineData(7.5)]
    public void TwoSidedPValue_OneDegreeOfFreedom_MatchesTheCauchyClosedForm(double t)
    {
        // With ν = 1, T is Cauchy: P(|T| ≥ t) = 1 − (2 ÷ π) atan t.
        Assert.Equal(1 - (2 / Math.PI * Math.Atan(t)), StudentTDistribution.TwoSidedPValue(t, 1), 1e-12);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(3)]
    [InlineData(12)]
    public void TwoSidedPValue_TwoDegreesOfFreedom_MatchesTheClosedForm(double t)
    {
        // With ν = 2: P(|T| ≥ t) = 1 − t ÷ √(2 + t²).
        Assert.Equal(1 - (t / Math.Sqrt(2 + (t * t))), StudentTDistribution.TwoSidedPValue(t, 2), 1e-12);
    }

    // Non-integer degrees of freedom, as Welch's test produces; references from mpmath's betainc at 30 digits.
    [Theory]
    [InlineData(1.5, 3.7, 0.213598169202013534)]
    [InlineData(0.1, 0.5, 0.946331621128606405)]
    [InlineData(40, 7, 1.59021799848503705e-9)]
    [InlineData(1.96, 1000, 0.0502731849557487143)]
    public void TwoSidedPValue_FractionalDegrees_MatchesHighPrecisionReference(double t, double degreesOfFreedom, double expected)
    {
        Assert.Equal(expected, StudentTDistribution.TwoSidedPValue(t, degreesOfFreedom), expected * 1e-9);
    }

    [Fact]
    public void CumulativeProbability_IsSymmetricAroundZero()
    {
        Assert.Equal(0.5, StudentTDistribution.CumulativeProbability(0, 4), 1e-15);
        Assert.Equal(0.975, StudentTDistribution.CumulativeProbability(2.228138851986, 10), 1e-9);
        Assert.Equal(0.025, StudentTDistribution.CumulativeProbability(-2.228138851986, 10), 1e-9);
    }

    [Fact]
    public void LogGamma_KnownValues_MatchFactorialsAndHalfIntegers()
    {
        Assert.Equal(Math.Log(24), SpecialFunctions.LogGamma(5), 1e-13);
        Assert.Equal(0.5 * Math.Log(Math.PI), SpecialFunctions.LogGamma(0.5), 1e-13);
        Assert.Equal(Math.Log(Math.Sqrt(Math.PI) / 2), SpecialFunctions.LogGamma(1.5), 1e-13);
    }

    [Fact]
    public void RegularisedIncompleteBeta_UniformShapes_IsTheIdentity()
    {
        // I_x(1, 1) = x and I_x(a, 1) = x^a.
        Assert.Equal(0.3, SpecialFunctions.RegularisedIncompleteBeta(0.3, 1, 1), 1e-14);
        Assert.Equal(Math.Pow(0.7, 3), SpecialFunctions.RegularisedIncompleteBeta(0.7, 3, 1), 1e-14);
    }
}
