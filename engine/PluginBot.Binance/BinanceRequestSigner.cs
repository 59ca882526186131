using System.Security.Cryptography;
using System.Text;

namespace PluginBot.Binance;

/// <summary>
/// Binance's request signature: HMAC-SHA256 of the exact query string (percent-encoded as sent) keyed with the API
/// secret, hex-encoded in lower case. The exchange recomputes it over the bytes it received, so the payload signed
/// must be byte-for-byte the one sent.
/// </summary>
public static class BinanceRequestSigner
{
    /// <summary>Signs <paramref name="payload"/> with <paramref name="secret"/>.</summary>
    public static string Sign(string secret, string payload)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(payload);
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(payload));
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="payload"/>, compared in constant time.</summary>
    public static bool Verify(string secret, string payload, string signature)
    {
        var expected = Encoding.ASCII.GetBytes(Sign(secret, payload));
        var actual = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
