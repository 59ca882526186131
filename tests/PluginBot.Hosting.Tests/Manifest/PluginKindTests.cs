using PluginBot.Hosting.Manifest;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Hosting.Tests.Manifest;

public sealed class PluginKindTests
{
    [Theory]
    [InlineData(PluginKind.Expert, "expert", typeof(IExpert))]
    [InlineData(PluginKind.RegimeDetector, "regime-detector", typeof(IRegimeDetector))]
    [InlineData(PluginKind.RiskManager, "risk-manager", typeof(IRiskManager))]
    [InlineData(PluginKind.PositionSizer, "position-sizer", typeof(IPositionSizer))]
    [InlineData(PluginKind.ExchangeAdapter, "exchange-adapter", typeof(IExchangeAdapter))]
    [InlineData(PluginKind.Strategy, "strategy", typeof(IStrategy))]
    public void ToManifestName_EveryKind_MapsToItsManifestSpellingAndContract(PluginKind kind, string name, Type contract)
    {
        Assert.Equal(name, kind.ToManifestName());
        Assert.Equal(contract, kind.ContractType());
        Assert.True(PluginKindExtensions.TryParseManifestName(name, out var parsed));
        Assert.Equal(kind, parsed);
    }

    [Fact]
    public void ManifestNames_ListEveryKindOnce_InTheSchemaOrder()
    {
        Assert.Equal(
            ["expert", "regime-detector", "risk-manager", "position-sizer", "exchange-adapter", "strategy"],
            PluginKindExtensions.ManifestNames);
    }

    [Theory]
    [InlineData("Expert")]
    [InlineData("regimedetector")]
    [InlineData("widget")]
    [InlineData(null)]
    public void ParseManifestName_UnknownSpelling_ThrowsListingTheAllowedNames(string? name)
    {
        Assert.False(PluginKindExtensions.TryParseManifestName(name, out _));
        var exception = Assert.Throws<FormatException>(() => PluginKindExtensions.ParseManifestName(name));
        Assert.Contains("expert, regime-detector, risk-manager, position-sizer, exchange-adapter, strategy", exception.Message, StringComparison.Ordinal);
    }
}
