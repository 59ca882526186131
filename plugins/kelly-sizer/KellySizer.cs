using System.Globalization;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.KellySizer;

/// <summary>
/// Fractional Kelly: the Kelly fraction f* = W − (1 − W) / R of equity (W the win rate, R the average win over the
/// average loss), times <c>fraction</c> because full Kelly is too volatile when W and R are only estimates, capped at
/// <c>maximumFraction</c>. With no edge (f* ≤ 0) it sizes nothing and says why.
/// <para>
/// W and R start from the <c>winRate</c> and <c>payoffRatio</c> priors. Sizers see no fills, so the sizer learns
/// closed trades from the portfolio instead: at each call it reads the symbol's realised profit and loss, and the
/// change since its previous call for that symbol is one closed trade (the engine calls the sizer once per entry, so
/// one exit falls between two calls). Once <c>minimumTrades</c> are known, the last <c>window</c> trades replace
/// the priors. Limits: realised P&amp;L is before fees; a break-even trade cannot be told from "nothing closed" and is
/// skipped; the last trade is only counted at the next entry; the history starts afresh when the plugin is swapped.
/// Once the estimate shows no edge the sizer stays out, so no new trades arrive to revise it: it recovers only when
/// trades closed by other means (or a swap, which restarts from the priors) change the window.
/// </para>
/// </summary>
public sealed class KellySizer : IPositionSizer
{
    private readonly Dictionary<string, decimal> realizedAtLastCall = new(StringComparer.Ordinal);
    private IPluginContext? context;
    private TradeOutcomeWindow outcomes = new(50);
    private decimal priorWinRate = 0.5m;
    private decimal priorPayoffRatio = 1.5m;
    private decimal fraction = 0.5m;
    private decimal maximumFraction = 0.25m;
    private int minimumTrades = 20;

    /// <summary>How many closed trades the sizer has learned from so far (at most the window), for diagnostics and tests.</summary>
    public int TradesObserved => outcomes.Count;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        this.context = context;
        var settings = context.Settings;
        settings.RejectUnknown("winRate", "payoffRatio", "fraction", "maximumFraction", "minimumTrades", "window");
        priorWinRate = settings.GetDecimal("winRate", 0.5m, minimum: 0m, maximum: 1m);
        priorPayoffRatio = settings.GetDecimal("payoffRatio", 1.5m, minimum: 0.0001m, maximum: 1000m);
        fraction = settings.GetDecimal("fraction", 0.5m, minimum: 0.0001m, maximum: 1m);
        maximumFraction = settings.GetDecimal("maximumFraction", 0.25m, minimum: 0.0001m, maximum: 1m);
        var window = settings.GetInt32("window", 50, minimum: 1, maximum: 10_000);
        minimumTrades = settings.GetInt32("minimumTrades", 20, minimum: 1, maximum: 10_000);
        if (minimumTrades > window)
        {
            // The window could never hold enough trades, so the priors would silently apply forever.
            throw new PluginSettingsException($"{settings.Path}.minimumTrades",
                string.Create(CultureInfo.InvariantCulture, $"expected at most the window of {window} trades, found {minimumTrades}"));
        }

        outcomes = new TradeOutcomeWindow(window);
        realizedAtLastCall.Clear();
    }

    /// <inheritdoc />
    public SizingResult Size(in SizingRequest request)
    {
        var portfolio = (context ?? throw new InvalidOperationException("The sizer was not initialised.")).Portfolio;
        ObserveClosedTrade(request.Symbol, portfolio.GetPosition(request.Symbol).RealizedProfitLoss);

        string source;
        decimal winRate;
        decimal payoffRatio;
        if (outcomes.Count >= minimumTrades)
        {
            var (wins, winSum, losses, lossSum) = outcomes.Tally();
            source = string.Create(CultureInfo.InvariantCulture, $"from the last {outcomes.Count} closed trades");
            if (wins == 0)
            {
                return SizingResult.None(string.Create(CultureInfo.InvariantCulture,
                    $"kelly: no winning trade among the last {outcomes.Count} closed trades (W = 0), so there is no edge; no position"));
            }

            winRate = (decimal)wins / outcomes.Count;
            if (losses == 0)
            {
                // No loss seen: f* = W − 0 / R = 1 whatever R is; the cap and the fraction keep the bet bounded.
                return SizeFraction(request, edge: 1m, string.Create(CultureInfo.InvariantCulture,
                    $"kelly (W = 1, no losing trade, {source}) f* = 1"));
            }

            payoffRatio = (winSum / wins) / (lossSum / losses);
        }
        else
        {
            source = string.Create(CultureInfo.InvariantCulture, $"priors, {outcomes.Count} of {minimumTrades} trades seen");
            winRate = priorWinRate;
            payoffRatio = priorPayoffRatio;
        }

        var edge = winRate - (1m - winRate) / payoffRatio;
        var description = string.Create(CultureInfo.InvariantCulture,
            $"kelly (W = {winRate:0.####}, R = {payoffRatio:0.####}, {source}) f* = W − (1 − W) / R = {edge:0.####}");
        return edge <= 0
            ? SizingResult.None($"{description}: the edge is not positive; no position")
            : SizeFraction(request, edge, description);
    }

    private SizingResult SizeFraction(in SizingRequest request, decimal edge, string description)
    {
        var target = Math.Min(edge * fraction, maximumFraction);
        var basis = string.Create(CultureInfo.InvariantCulture, $"{description} × {fraction} capped at {maximumFraction} = {target:0.######}");
        return EquityFractionSizing.Size(context!.Portfolio, in request, target, basis);
    }

    private void ObserveClosedTrade(string symbol, decimal realized)
    {
        // The first call for a symbol only sets the baseline: profit closed before this sizer existed is not its history.
        if (realizedAtLastCall.TryGetValue(symbol, out var previous) && realized != previous)
        {
            outcomes.Add(realized - previous);
        }

        realizedAtLastCall[symbol] = realized;
    }
}
