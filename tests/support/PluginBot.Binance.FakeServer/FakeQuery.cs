namespace PluginBot.Binance.FakeServer;

/// <summary>A request's raw query string, kept byte-exact for signature checks, and its decoded parameters.</summary>
internal sealed class FakeQuery
{
    private FakeQuery(string raw, Dictionary<string, string> values)
    {
        Raw = raw;
        Values = values;
    }

    public string Raw { get; }

    public Dictionary<string, string> Values { get; }

    public string? this[string name] => Values.TryGetValue(name, out var value) ? value : null;

    public static FakeQuery Parse(string? queryString)
    {
        var raw = (queryString ?? string.Empty).TrimStart('?');
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in raw.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? pair : pair[..equals]);
            values[name] = equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
        }

        return new FakeQuery(raw, values);
    }
}
