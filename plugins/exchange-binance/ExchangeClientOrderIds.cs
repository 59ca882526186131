using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PluginBot.Plugins.Exchange.Binance;

/// <summary>
/// Maps the engine's client order id to the one sent to Binance. Binance accepts 1-36 characters of
/// <c>[.A-Za-z0-9:/_-]</c>; a valid engine id is sent as it is, any other is hashed, so the mapping is deterministic
/// and a resend after a restart uses the same id (which is what makes it idempotent).
/// </summary>
public static partial class ExchangeClientOrderIds
{
    /// <summary>The id Binance sees for <paramref name="engineId"/>.</summary>
    public static string For(string engineId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(engineId);
        if (ValidId().IsMatch(engineId))
        {
            return engineId;
        }

        return "pb-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(engineId)))[..32];
    }

    [GeneratedRegex("^[.A-Za-z0-9:/_-]{1,36}$", RegexOptions.CultureInvariant)]
    private static partial Regex ValidId();
}
