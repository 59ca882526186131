using PluginBot.Sdk.Instruments;

namespace PluginBot.Data;

/// <summary>
/// A catalog that never fails a lookup: known symbols get the inner catalog's rules, unknown ones get
/// <see cref="InstrumentRules.Permissive"/>. Meant for backtests on data whose exchange rules are unknown (SPY, old
/// Coinbase files); live trading should use the strict catalog so a typo in a symbol stops the strategy instead of
/// trading without lot and notional checks.
/// </summary>
public sealed class FallbackInstrumentCatalog : IInstrumentCatalog
{
    private readonly IInstrumentCatalog inner;
    private readonly string fallbackQuoteCurrency;

    /// <summary>Wraps <paramref name="inner"/>; unknown symbols are quoted in <paramref name="fallbackQuoteCurrency"/>.</summary>
    public FallbackInstrumentCatalog(IInstrumentCatalog inner, string fallbackQuoteCurrency = "USD")
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentException.ThrowIfNullOrWhiteSpace(fallbackQuoteCurrency);
        this.inner = inner;
        this.fallbackQuoteCurrency = fallbackQuoteCurrency;
    }

    /// <summary>The inner catalog's rules, or permissive rules for a symbol it does not know.</summary>
    public InstrumentRules Get(string symbol)
    {
        TryGet(symbol, out var rules);
        return rules;
    }

    /// <summary>Always succeeds; <paramref name="rules"/> are permissive when the inner catalog does not know the symbol.</summary>
    public bool TryGet(string symbol, out InstrumentRules rules)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(symbol);
        rules = inner.TryGet(symbol, out var known) ? known : InstrumentRules.Permissive(symbol, fallbackQuoteCurrency);
        return true;
    }

    /// <summary>True when the inner catalog knows the symbol, so callers can warn that permissive rules are in use.</summary>
    public bool IsKnown(string symbol) => inner.TryGet(symbol, out _);
}
