using PluginBot.Engine.Backtest;
using PluginBot.Engine.Feeds;
using PluginBot.Sdk.Orders;

namespace PluginBot.Plugins.Risk.Tests.Infrastructure;

/// <summary>
/// Replays a backtest's fills to find the position value of every symbol just after each fill: marked at the close
/// of the bar the fill happened on, against the equity the engine sampled at that close.
/// </summary>
internal static class FilledPositions
{
    /// <summary>One moment just after fills: the equity sampled then and each symbol's |quantity| × close.</summary>
    public sealed record Snapshot(DateTime Time, decimal Equity, IReadOnlyDictionary<string, decimal> Values, IReadOnlyDictionary<string, decimal> Closes);

    /// <summary>Closes by symbol and bar close time, read again from the same seeded feeds the run used.</summary>
    public static Dictionary<(string Symbol, DateTime EndTime), decimal> Closes(params IBarFeed[] feeds)
    {
        var closes = new Dictionary<(string, DateTime), decimal>();
        foreach (var feed in feeds)
        {
            while (feed.TryRead(out var bar))
            {
                closes[(bar.Symbol, bar.EndTime)] = bar.Close;
            }
        }

        return closes;
    }

    public static List<Snapshot> AfterEachFill(BacktestResult result, Dictionary<(string Symbol, DateTime EndTime), decimal> closes, TimeSpan barLength)
    {
        var equityAt = result.EquityCurve.ToDictionary(point => point.Time, point => point.Equity);
        var positions = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var snapshots = new List<Snapshot>();
        var fillsByBar = result.Orders.SelectMany(order => order.Fills).GroupBy(fill => fill.Time).OrderBy(group => group.Key);
        foreach (var group in fillsByBar)
        {
            foreach (var fill in group)
            {
                positions[fill.Symbol] = positions.GetValueOrDefault(fill.Symbol) + (fill.Side == OrderSide.Buy ? fill.Quantity : -fill.Quantity);
            }

            // Fills are stamped with the start of the bar they traded on; the bar is marked and sampled at its close.
            var close = group.Key + barLength;
            var values = positions.ToDictionary(pair => pair.Key, pair => Math.Abs(pair.Value) * closes[(pair.Key, close)]);
            var prices = positions.Keys.ToDictionary(symbol => symbol, symbol => closes[(symbol, close)]);
            snapshots.Add(new Snapshot(close, equityAt[close], values, prices));
        }

        return snapshots;
    }
}
