namespace PluginBot.Binance.Tests;

public sealed class BinanceRequestSignerTests
{
    [Fact]
    public void Sign_EveryPublishedVector_MatchesTheDocumentedSignature()
    {
        using var document = TestFiles.Json("signature_test_vectors.json");
        var secret = document.RootElement.GetProperty("secretKey").GetString()!;
        var vectors = document.RootElement.GetProperty("vectors").EnumerateArray().ToArray();

        Assert.Equal(2, vectors.Length);
        foreach (var vector in vectors)
        {
            Assert.Equal(vector.GetProperty("signature").GetString(), BinanceRequestSigner.Sign(secret, vector.GetProperty("payload").GetString()!));
        }
    }

    [Fact]
    public void BuildQuery_NonAsciiSymbol_IsPercentEncodedLikeTheSignedVector()
    {
        var query = BinanceRestClient.BuildQuery([new("symbol", "１２３４５６"), new("side", "BUY")]);

        Assert.Equal("symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY", query);
    }

    [Fact]
    public void Verify_OneAlteredCharacter_IsFalse()
    {
        var signature = BinanceRequestSigner.Sign("secret", "a=1&b=2");

        Assert.True(BinanceRequestSigner.Verify("secret", "a=1&b=2", signature));
        Assert.False(BinanceRequestSigner.Verify("secret", "a=1&b=3", signature));
    }
}
