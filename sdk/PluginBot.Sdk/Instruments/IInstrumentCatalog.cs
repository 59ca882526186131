using System.Diagnostics.CodeAnalysis;

namespace PluginBot.Sdk.Instruments;

/// <summary>Read-only access to the trading rules of every symbol the engine trades.</summary>
public interface IInstrumentCatalog
{
    /// <summary>The rules for <paramref name="symbol"/>.</summary>
    /// <exception cref="KeyNotFoundException">The symbol is unknown; the message names it.</exception>
    InstrumentRules Get(string symbol);

    /// <summary>Looks up the rules without throwing.</summary>
    bool TryGet(string symbol, [MaybeNullWhen(false)] out InstrumentRules rules);
}
