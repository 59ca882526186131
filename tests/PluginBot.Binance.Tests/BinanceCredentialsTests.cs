namespace PluginBot.Binance.Tests;

public sealed class BinanceCredentialsTests
{
    [Fact]
    public void ToString_Always_RedactsKeyAndSecret()
    {
        var credentials = new BinanceCredentials("KEY-abcdef-123", "SECRET-zyxwv-987");

        Assert.DoesNotContain("abcdef", credentials.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("zyxwv", credentials.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FromEnvironment_BothVariablesSet_ReadsThem()
    {
        var variables = new Dictionary<string, string> { [BinanceCredentials.ApiKeyVariable] = "key1", [BinanceCredentials.ApiSecretVariable] = "secret1" };

        var credentials = BinanceCredentials.FromEnvironment(name => variables.GetValueOrDefault(name));

        Assert.Equal("key1", credentials!.ApiKey);
        Assert.Equal("secret1", credentials.ApiSecret);
    }

    [Fact]
    public void FromEnvironment_SecretMissing_IsNull()
    {
        Assert.Null(BinanceCredentials.FromEnvironment(name => name == BinanceCredentials.ApiKeyVariable ? "key1" : null));
    }

    [Fact]
    public void FromFile_KeyAndSecretWithComment_ReadsBoth()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "# binance testnet\nfile-key\nfile-secret\n");

            var credentials = BinanceCredentials.FromFile(path);

            Assert.Equal("file-key", credentials.ApiKey);
            Assert.Equal("file-secret", credentials.ApiSecret);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromFile_ThreeLines_FailsWithoutQuotingTheContents()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "k\ns\nleaky-extra\n");

            var exception = Assert.Throws<FormatException>(() => BinanceCredentials.FromFile(path));

            Assert.DoesNotContain("leaky-extra", exception.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
