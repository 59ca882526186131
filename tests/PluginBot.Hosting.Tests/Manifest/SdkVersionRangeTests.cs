using PluginBot.Hosting.Manifest;

namespace PluginBot.Hosting.Tests.Manifest;

public sealed class SdkVersionRangeTests
{
    [Theory]
    [InlineData("^1.0", 1, 0, null)]
    [InlineData("1.2", 1, 2, null)]
    [InlineData("^1.2.3", 1, 2, 3)]
    [InlineData("^0.9", 0, 9, null)]
    [InlineData("^10.20.30", 10, 20, 30)]
    public void Parse_ManifestForms_ReadsMajorMinorAndPatch(string text, int major, int minor, int? patch)
    {
        var range = SdkVersionRange.Parse(text);

        Assert.Equal(major, range.Major);
        Assert.Equal(minor, range.Minor);
        Assert.Equal(patch, range.Patch);
        Assert.Equal(text, range.ToString());
    }

    [Theory]
    [InlineData("1")]
    [InlineData("^1")]
    [InlineData("^1.x")]
    [InlineData("~1.0")]
    [InlineData(">=1.0")]
    [InlineData("01.0")]
    [InlineData("1.0.0.0")]
    [InlineData("")]
    [InlineData(" ^1.0")]
    public void TryParse_MalformedRange_ReturnsFalseAndParseThrows(string text)
    {
        Assert.False(SdkVersionRange.TryParse(text, out var range));
        Assert.Null(range);
        var exception = Assert.Throws<FormatException>(() => SdkVersionRange.Parse(text));
        Assert.Contains($"\"{text}\"", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.0", "^1.0", true)]
    [InlineData("1.0", "^1.1", false)]
    [InlineData("1.0", "^2.0", false)]
    [InlineData("1.0", "^0.9", false)]
    [InlineData("1.3", "^1.2", true)]
    [InlineData("1.3", "^1.3", true)]
    [InlineData("1.3", "^1.4", false)]
    [InlineData("1.3", "1.2", true)]
    [InlineData("2.0", "^1.9", false)]
    [InlineData("1.0.0.0", "^1.0.7", true)]
    public void IsSatisfiedBy_HostVersion_AcceptsSameMajorWithMinorNotAboveTheHost(string host, string plugin, bool expected)
    {
        Assert.Equal(expected, SdkVersionRange.Parse(plugin).IsSatisfiedBy(Version.Parse(host)));
    }

    [Fact]
    public void Describe_CaretRange_SaysWhichSdkVersionsAreAccepted()
    {
        Assert.Equal("SDK 1.2 or a later 1.x (^1.2)", SdkVersionRange.Parse("^1.2").Describe());
    }

    [Fact]
    public void Equals_CaretAndBareFormOfTheSameVersion_AreEqual()
    {
        Assert.Equal(SdkVersionRange.Parse("^1.2"), SdkVersionRange.Parse("1.2"));
        Assert.NotEqual(SdkVersionRange.Parse("^1.2"), SdkVersionRange.Parse("^1.3"));
    }

    [Fact]
    public void HostSdkVersion_IsTheLoadedSdkAssemblyVersion()
    {
        Assert.Equal(new Version(1, 0, 0, 0), HostSdk.Version);
        Assert.True(SdkVersionRange.Parse("^1.0").IsSatisfiedBy(HostSdk.Version));
    }
}
