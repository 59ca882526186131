using System.Globalization;
using PluginBot.Sdk.Configuration;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.Correlation;

/// <summary>
/// Caps the combined gross exposure of symbols that move together. Every observed bar adds the symbol's return
/// (close ÷ previous close − 1) to a rolling window of <c>window</c> returns; two symbols are correlated when the
/// Pearson correlation of the returns they share (same bar close times, at least <c>minimumObservations</c>) is above
/// <c>correlationThreshold</c>, and clusters are formed by single linkage (a chain of correlated pairs is one
/// cluster). The sum of |position value| over a cluster, with the intent's symbol valued after the order at the
/// reference price and the others at the portfolio's marks, is capped at <c>maximumClusterFraction</c> × equity:
/// an entry that would end above the cap is scaled down to the room left (scale rounded down to 4 places), vetoed
/// when there is none, and a reduction always passes. A symbol in no cluster is not limited here (a single symbol's
/// size is the position limit's job), and symbols without enough shared history are not clustered yet.
/// <para>
/// <see cref="State"/> is <see cref="RiskState.Reducing"/> while some cluster is over its cap at current marks
/// (prices moved, equity fell, or correlation rose and merged clusters): entries into that cluster are vetoed until
/// it is back under the cap; entries into other clusters are judged on their own.
/// </para>
/// Layers compose by the engine's rule: every layer assesses every intent, any veto stops it and scales multiply.
/// </summary>
public sealed class CorrelationRiskManager : IRiskManager
{
    /// <summary>Returns in the rolling window when the setting is absent.</summary>
    public const int DefaultWindow = 30;

    /// <summary>Shared returns needed before a pair's correlation counts, when the setting is absent.</summary>
    public const int DefaultMinimumObservations = 20;

    /// <summary>The correlation above which two symbols are one bet, when the setting is absent.</summary>
    public const double DefaultCorrelationThreshold = 0.7;

    /// <summary>A cluster's largest gross exposure as a fraction of equity, when the setting is absent.</summary>
    public const decimal DefaultMaximumClusterFraction = 0.5m;

    private readonly Dictionary<string, ReturnHistory> histories = new(StringComparer.Ordinal);
    private IPluginContext? context;
    private List<string[]> clusters = [];
    private bool clustersStale;

    /// <inheritdoc />
    public string Name => "risk-correlation";

    /// <summary>Returns kept per symbol, read from the settings.</summary>
    public int Window { get; private set; } = DefaultWindow;

    /// <summary>Shared returns a pair needs before its correlation counts, read from the settings.</summary>
    public int MinimumObservations { get; private set; } = DefaultMinimumObservations;

    /// <summary>The correlation above which two symbols are linked, read from the settings.</summary>
    public double CorrelationThreshold { get; private set; } = DefaultCorrelationThreshold;

    /// <summary>A cluster's cap as a fraction of equity, read from the settings.</summary>
    public decimal MaximumClusterFraction { get; private set; } = DefaultMaximumClusterFraction;

    /// <summary>The current clusters of two or more symbols, members and clusters in ordinal order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> Clusters => CurrentClusters();

    /// <inheritdoc />
    public RiskState State => OverCapCluster() is null ? RiskState.Active : RiskState.Reducing;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var settings = context.Settings;
        settings.RejectUnknown("window", "minimumObservations", "correlationThreshold", "maximumClusterFraction");
        Window = settings.GetInt32("window", DefaultWindow, minimum: 2, maximum: 10_000);
        MinimumObservations = settings.GetInt32("minimumObservations", DefaultMinimumObservations, minimum: 2, maximum: 10_000);
        if (MinimumObservations > Window)
        {
            // The window could never hold enough shared returns: no pair would ever be clustered and the layer would do nothing.
            throw new PluginSettingsException($"{settings.Path}.minimumObservations",
                string.Create(CultureInfo.InvariantCulture, $"expected at most the window of {Window} returns, found {MinimumObservations}"));
        }

        CorrelationThreshold = settings.GetDouble("correlationThreshold", DefaultCorrelationThreshold, minimum: 0, maximum: 1);
        MaximumClusterFraction = settings.GetDecimal("maximumClusterFraction", DefaultMaximumClusterFraction, minimum: 0.0001m, maximum: 100m);
        histories.Clear();
        clusters = [];
        clustersStale = false;
        this.context = context;
    }

    /// <inheritdoc />
    public void Observe(in Bar bar)
    {
        if (!histories.TryGetValue(bar.Symbol, out var history))
        {
            history = new ReturnHistory(Window);
            histories.Add(bar.Symbol, history);
        }

        clustersStale |= history.Add(in bar);
    }

    /// <summary>
    /// The correlation of two symbols' returns over the bar times they share, or null while they share fewer than
    /// <see cref="MinimumObservations"/> returns or one of them never moved.
    /// </summary>
    public double? Correlation(string first, string second) =>
        histories.TryGetValue(first, out var a) && histories.TryGetValue(second, out var b)
            ? CorrelationClusters.Correlate(a, b, MinimumObservations)
            : null;

    /// <inheritdoc />
    public RiskAssessment Assess(in OrderIntent intent)
    {
        if (intent.IsReducing)
        {
            return RiskAssessment.Approve();
        }

        var current = context ?? throw new InvalidOperationException("The correlation layer was not initialised.");
        var cluster = ClusterOf(intent.Symbol);
        if (cluster is null)
        {
            return RiskAssessment.Approve();
        }

        var portfolio = current.Portfolio;
        var equity = portfolio.Equity;
        if (equity <= 0)
        {
            return RiskAssessment.Veto(Format($"equity {equity:0.00} is not positive, so the cap on the correlated cluster {Members(cluster)} leaves no room"));
        }

        if (intent.ReferencePrice <= 0)
        {
            return RiskAssessment.Veto(Format($"{intent.Symbol} has no positive reference price ({intent.ReferencePrice}) to value its exposure in the correlated cluster {Members(cluster)}"));
        }

        var unitValue = intent.ReferencePrice * ContractMultiplier(current, intent.Symbol);
        var others = 0m;
        foreach (var member in cluster)
        {
            if (!string.Equals(member, intent.Symbol, StringComparison.Ordinal))
            {
                others += Math.Abs(portfolio.GetPosition(member).MarketValue);
            }
        }

        var cap = MaximumClusterFraction * equity;
        var after = others + (Math.Abs(intent.ResultingPosition) * unitValue);
        if (after <= cap)
        {
            return RiskAssessment.Approve();
        }

        // Value already held on the order's side (negative when the order first closes a position on the other side).
        var direction = intent.Side == OrderSide.Buy ? 1m : -1m;
        var room = cap - others - (direction * intent.CurrentPosition * unitValue);
        var description = Format(
            $"the correlated cluster {Members(cluster)} (return correlation above {CorrelationThreshold:0.###} over the last {Window} bars) would hold {after:0.00} after the order ({others:0.00} in the other members), over its cap of {MaximumClusterFraction:0.####} × equity {equity:0.00} = {cap:0.00}");
        return RiskAssessment.ScaleToFit(room, intent.Quantity * unitValue, description);
    }

    /// <summary>The first cluster whose gross exposure at current marks is above its cap, or null when none is.</summary>
    public IReadOnlyList<string>? OverCapCluster()
    {
        if (context is null)
        {
            return null;
        }

        var portfolio = context.Portfolio;
        var cap = MaximumClusterFraction * portfolio.Equity;
        foreach (var cluster in CurrentClusters())
        {
            var exposure = 0m;
            foreach (var member in cluster)
            {
                exposure += Math.Abs(portfolio.GetPosition(member).MarketValue);
            }

            if (exposure > cap)
            {
                return cluster;
            }
        }

        return null;
    }

    private string[]? ClusterOf(string symbol)
    {
        foreach (var cluster in CurrentClusters())
        {
            if (Array.IndexOf(cluster, symbol) >= 0)
            {
                return cluster;
            }
        }

        return null;
    }

    // Clusters change only when a return is added, so they are rebuilt at most once per bar, when first asked for.
    private List<string[]> CurrentClusters()
    {
        if (clustersStale)
        {
            clusters = CorrelationClusters.Build(histories, CorrelationThreshold, MinimumObservations);
            clustersStale = false;
        }

        return clusters;
    }

    private static string Members(string[] cluster) => "{" + string.Join(", ", cluster) + "}";

    private static decimal ContractMultiplier(IPluginContext context, string symbol) =>
        context.Instruments.TryGet(symbol, out var rules) ? rules.ContractMultiplier : 1m;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
