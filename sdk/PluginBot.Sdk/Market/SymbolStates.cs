namespace PluginBot.Sdk.Market;

/// <summary>
/// One state object per symbol, created on the symbol's first bar: a plugin may see several symbols, and its
/// indicators must never mix them. Bars of one feed share their symbol string, so a reference check on the last
/// symbol skips the hash lookup on almost every bar (no allocation after a symbol's first bar). Not thread-safe: a
/// plugin is called from its engine thread only.
/// </summary>
/// <typeparam name="TState">The plugin's per-symbol state.</typeparam>
public sealed class SymbolStates<TState>
    where TState : class
{
    private readonly Func<string, TState> create;
    private readonly Dictionary<string, TState> states = new(StringComparer.Ordinal);
    private string? lastSymbol;
    private TState? lastState;

    /// <summary>Creates the table; <paramref name="create"/> builds a symbol's state on its first bar.</summary>
    public SymbolStates(Func<string, TState> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        this.create = create;
    }

    /// <summary>How many symbols have state.</summary>
    public int Count => states.Count;

    /// <summary>The state of <paramref name="symbol"/>, created on first use.</summary>
    public TState For(string symbol)
    {
        if (ReferenceEquals(symbol, lastSymbol))
        {
            return lastState!;
        }

        if (!states.TryGetValue(symbol, out var found))
        {
            found = create(symbol);
            states.Add(symbol, found);
        }

        lastSymbol = symbol;
        lastState = found;
        return found;
    }
}
