using PluginBot.Experts.Routing;
using PluginBot.Sdk.Regimes;

namespace PluginBot.Experts.Tests.Routing;

public sealed class ExpertSetsTests
{
    [Fact]
    public void Serves_ExpertInSeveralRegimes_ServesEachOfThem()
    {
        var sets = Roster.ThreeExperts();

        Assert.True(sets.Serves(sets.IndexOf("revert"), MarketRegime.Ranging));
        Assert.True(sets.Serves(sets.IndexOf("revert"), MarketRegime.LowVolatility));
        Assert.False(sets.Serves(sets.IndexOf("revert"), MarketRegime.Trending));
        Assert.Equal(2, sets.CountServing(MarketRegime.Trending));
    }

    [Fact]
    public void Constructor_RegimeNamingUnknownExpert_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new ExpertSets(
            ["trend"],
            new Dictionary<MarketRegime, IReadOnlyList<string>> { [MarketRegime.Trending] = ["trnd"] }));

        Assert.Contains("trnd", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_RepeatedExpertName_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ExpertSets(["trend", "trend"], new Dictionary<MarketRegime, IReadOnlyList<string>>()));
    }
}
