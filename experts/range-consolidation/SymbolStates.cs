namespace PluginBot.Experts.RangeConsolidation;

/// <summary>
/// One state object per symbol, created on the symbol's first bar. Bars of one feed share their symbol string,
/// so a reference check on the last symbol skips the hash lookup on almost every bar.
/// </summary>
internal sealed class SymbolStates<TState>(Func<string, TState> create)
    where TState : class
{
    private readonly Dictionary<string, TState> states = new(StringComparer.Ordinal);
    private string? lastSymbol;
    private TState? lastState;

    public int Count => states.Count;

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
