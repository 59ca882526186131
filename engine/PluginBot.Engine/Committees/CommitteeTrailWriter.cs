using System.Globalization;
using System.Text;
using PluginBot.Experts;
using PluginBot.Sdk.Regimes;
using PluginBot.Sdk.Signals;

namespace PluginBot.Engine.Committees;

/// <summary>
/// committee.csv: one line per committee decision — the regime probabilities, each expert's direction, confidence,
/// gate weight and ensemble weight, the disagreement, the final signal and why the committee abstained, if it did.
/// Deterministic text (invariant culture, fixed rounding), so two runs of one backtest write the same bytes.
/// </summary>
public static class CommitteeTrailWriter
{
    /// <summary>The CSV text for <paramref name="trail"/>; empty when there is no trail.</summary>
    public static string Csv(IReadOnlyList<CommitteeTrailRecord> trail)
    {
        if (trail.Count == 0)
        {
            return string.Empty;
        }

        var experts = trail[0].Decision.Experts.Select(expert => expert.Name).ToList();
        var csv = new StringBuilder("time,symbol,p_high_volatility,p_low_volatility,p_trending,p_ranging");
        foreach (var name in experts)
        {
            csv.Append(CultureInfo.InvariantCulture, $",{name}.direction,{name}.confidence,{name}.gate_weight,{name}.ensemble_weight");
        }

        csv.Append(",disagreement,direction,confidence,abstention\n");
        foreach (var record in trail)
        {
            var decision = record.Decision;
            csv.Append(CultureInfo.InvariantCulture, $"{record.Time:yyyy-MM-ddTHH:mm:ssZ},{decision.Symbol}");
            if (decision.Regime is { } regime)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $",{Round(regime.HighVolatility)},{Round(regime.LowVolatility)},{Round(regime.Trending)},{Round(regime.Ranging)}");
            }
            else
            {
                csv.Append(",,,,");
            }

            foreach (var expert in decision.Experts)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $",{Direction(expert.Signal)},{Round(expert.Signal.Confidence)},{Round(expert.GateWeight)},{Round(expert.EnsembleWeight)}");
            }

            csv.Append(CultureInfo.InvariantCulture,
                $",{Round(decision.Disagreement)},{Direction(decision.Signal)},{Round(decision.Signal.Confidence)},{(decision.Abstention == AbstentionReason.None ? string.Empty : decision.Abstention.ToString())}\n");
        }

        return csv.ToString();
    }

    private static string Direction(Signal signal) => signal.Direction.ToString().ToLowerInvariant();

    private static double Round(double value) => double.IsFinite(value) ? Math.Round(value, 6, MidpointRounding.ToEven) : 0;
}
