namespace PluginBot.Binance;

/// <summary>
/// An API key and secret. They are never logged: <see cref="ToString"/> redacts both, and the record-free class
/// shape keeps the compiler from generating a printer that would show them.
/// </summary>
public sealed class BinanceCredentials
{
    /// <summary>The environment variable holding the API key.</summary>
    public const string ApiKeyVariable = "PLUGINBOT_BINANCE_API_KEY";

    /// <summary>The environment variable holding the API secret.</summary>
    public const string ApiSecretVariable = "PLUGINBOT_BINANCE_API_SECRET";

    /// <summary>Creates credentials; both parts must be present.</summary>
    public BinanceCredentials(string apiKey, string apiSecret)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new ArgumentException("The Binance API key is empty.", nameof(apiKey));
        }

        if (string.IsNullOrWhiteSpace(apiSecret))
        {
            throw new ArgumentException("The Binance API secret is empty.", nameof(apiSecret));
        }

        ApiKey = apiKey.Trim();
        ApiSecret = apiSecret.Trim();
    }

    /// <summary>Sent as the X-MBX-APIKEY header.</summary>
    public string ApiKey { get; }

    /// <summary>Signs requests; never leaves the process.</summary>
    public string ApiSecret { get; }

    /// <summary>
    /// Reads <see cref="ApiKeyVariable"/> and <see cref="ApiSecretVariable"/>; returns null when either is unset so
    /// the caller can fall back to a secret file. The reader is injectable so tests need not touch the process environment.
    /// </summary>
    public static BinanceCredentials? FromEnvironment(Func<string, string?>? readVariable = null)
    {
        readVariable ??= Environment.GetEnvironmentVariable;
        var key = readVariable(ApiKeyVariable);
        var secret = readVariable(ApiSecretVariable);
        return string.IsNullOrWhiteSpace(key) || string.IsNullOrWhiteSpace(secret) ? null : new BinanceCredentials(key, secret);
    }

    /// <summary>
    /// Reads a secret file of two non-empty lines, key then secret (lines starting with # are comments), so keys can
    /// live in a file readable only by the bot's user instead of in a composition file that gets shared.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">The file does not hold exactly a key and a secret; the message never quotes the contents.</exception>
    public static BinanceCredentials FromFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Binance secret file '{path}' does not exist.", path);
        }

        var lines = File.ReadAllLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToArray();
        if (lines.Length != 2)
        {
            throw new FormatException($"Binance secret file '{path}' must hold two lines, the API key then the API secret; it has {lines.Length}.");
        }

        return new BinanceCredentials(lines[0], lines[1]);
    }

    /// <summary>Redacted: says only that credentials exist, so a logged object or exception never leaks them.</summary>
    public override string ToString() => "BinanceCredentials(key: ***, secret: ***)";
}
