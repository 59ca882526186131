using System.Diagnostics.CodeAnalysis;
using PluginBot.Sdk.Instruments;

namespace PluginBot.Engine.Backtest;

/// <summary>A fixed set of instrument rules, one per symbol, chosen before the run starts.</summary>
public sealed class InstrumentCatalog : IInstrumentCatalog
{
    private readonly Dictionary<string, InstrumentRules> rules;

    /// <summary>Creates a catalog of <paramref name="rules"/>; a symbol given twice is an error.</summary>
    public InstrumentCatalog(IEnumerable<InstrumentRules> rules)
    {
        this.rules = new Dictionary<string, InstrumentRules>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!this.rules.TryAdd(rule.Symbol, rule))
            {
                throw new ArgumentException($"Instrument rules for {rule.Symbol} were given twice.", nameof(rules));
            }
        }
    }

    /// <summary>Every symbol with rules.</summary>
    public IEnumerable<string> Symbols => rules.Keys.Order(StringComparer.Ordinal);

    /// <inheritdoc />
    public InstrumentRules Get(string symbol) =>
        rules.TryGetValue(symbol, out var found) ? found : throw new KeyNotFoundException($"No instrument rules for symbol {symbol}.");

    /// <inheritdoc />
    public bool TryGet(string symbol, [MaybeNullWhen(false)] out InstrumentRules found) => rules.TryGetValue(symbol, out found);
}
