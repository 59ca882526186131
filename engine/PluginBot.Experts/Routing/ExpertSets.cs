using PluginBot.Sdk.Regimes;

namespace PluginBot.Experts.Routing;

/// <summary>
/// The roster of experts a committee consults and which regimes each one serves. An expert may serve several
/// regimes; a regime may have no expert (routing to it then abstains rather than trading on experts that were
/// never meant for it).
/// </summary>
/// <remarks>
/// Experts are addressed by their position in <see cref="ExpertNames"/> everywhere else in this library (signals,
/// gate weights, ensemble weights), so per-bar code indexes arrays instead of looking names up.
/// </remarks>
public sealed class ExpertSets
{
    /// <summary>How many regimes <see cref="MarketRegime"/> defines; gate arithmetic loops over all of them.</summary>
    internal const int RegimeCount = 4;

    private readonly string[] names;
    private readonly bool[] membership;

    /// <summary>Creates the roster from the expert names (in signal order) and the names serving each regime.</summary>
    /// <param name="expertNames">Every expert, in the order their signals will be passed to the committee.</param>
    /// <param name="regimeExperts">Per regime, the names of the experts serving it; a missing regime has none.</param>
    /// <exception cref="ArgumentException">A name is empty or repeated, or a regime names an expert not in the roster.</exception>
    public ExpertSets(IReadOnlyList<string> expertNames, IReadOnlyDictionary<MarketRegime, IReadOnlyList<string>> regimeExperts)
    {
        ArgumentNullException.ThrowIfNull(expertNames);
        ArgumentNullException.ThrowIfNull(regimeExperts);
        if (expertNames.Count == 0)
        {
            throw new ArgumentException("A committee needs at least one expert.", nameof(expertNames));
        }

        names = new string[expertNames.Count];
        for (var index = 0; index < names.Length; index++)
        {
            var name = expertNames[index];
            if (string.IsNullOrWhiteSpace(name))
            {
                throw new ArgumentException($"Expert name at position {index} is empty.", nameof(expertNames));
            }

            if (Array.IndexOf(names, name, 0, index) >= 0)
            {
                throw new ArgumentException($"Expert '{name}' is listed twice.", nameof(expertNames));
            }

            names[index] = name;
        }

        membership = new bool[RegimeCount * names.Length];
        foreach (var (regime, members) in regimeExperts)
        {
            if (regime < MarketRegime.HighVolatility || regime > MarketRegime.Ranging)
            {
                throw new ArgumentException($"Unknown regime {regime}.", nameof(regimeExperts));
            }

            foreach (var member in members)
            {
                var expert = IndexOf(member);
                if (expert < 0)
                {
                    throw new ArgumentException($"Regime {regime} names expert '{member}', which is not in the roster.", nameof(regimeExperts));
                }

                membership[((int)regime * names.Length) + expert] = true;
            }
        }
    }

    /// <summary>The experts in signal order.</summary>
    public IReadOnlyList<string> ExpertNames => names;

    /// <summary>How many experts the roster holds (the length every per-expert span must have).</summary>
    public int ExpertCount => names.Length;

    /// <summary>The position of an expert in the roster, or −1 when it is not there.</summary>
    public int IndexOf(string expertName) => Array.IndexOf(names, expertName);

    /// <summary>Whether the expert at <paramref name="expertIndex"/> serves <paramref name="regime"/>.</summary>
    public bool Serves(int expertIndex, MarketRegime regime)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(expertIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(expertIndex, names.Length);
        return membership[((int)regime * names.Length) + expertIndex];
    }

    /// <summary>How many experts serve <paramref name="regime"/>.</summary>
    public int CountServing(MarketRegime regime)
    {
        var count = 0;
        for (var expert = 0; expert < names.Length; expert++)
        {
            if (membership[((int)regime * names.Length) + expert])
            {
                count++;
            }
        }

        return count;
    }
}
