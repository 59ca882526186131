namespace PluginBot.Features.Tests;

public sealed class FeatureSetCatalogTests
{
    [Fact]
    public void Names_NewCatalog_ListsTheBuiltInSets()
    {
        Assert.Equal(["default", "indicators"], new FeatureSetCatalog().Names);
    }

    [Fact]
    public void Create_UnknownName_ThrowsListingTheKnownSets()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => new FeatureSetCatalog().Create("fancy"));

        Assert.Contains("'fancy'", error.Message, StringComparison.Ordinal);
        Assert.Contains("default, indicators", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SameNameTwice_ReturnsIndependentSetsWithTheSameSchema()
    {
        var catalog = new FeatureSetCatalog();

        var first = catalog.Create("default");
        var second = catalog.Create("default");

        Assert.NotSame(first, second);
        Assert.Equal(first.Schema.Hash, second.Schema.Hash);
        Assert.Equal(catalog.GetSchema("default").Hash, first.Schema.Hash);
    }

    [Fact]
    public void Register_FactoryBuildingAnotherSet_IsRejected()
    {
        var catalog = new FeatureSetCatalog();

        Assert.Throws<ArgumentException>(() => catalog.Register("mine", DefaultFeatureSet.Create));
        Assert.Throws<ArgumentException>(() => catalog.Register("default", DefaultFeatureSet.Create));
        Assert.False(catalog.Contains("mine"));
    }
}
