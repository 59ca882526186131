using System.Globalization;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.GrossLeverage;

/// <summary>
/// Caps gross exposure — the sum of the absolute values of all positions after the intent — at
/// <c>maximumLeverage</c> × equity, so adding symbols one by one can never lever the account beyond what the
/// composition allows even when each symbol is within its own limit. The exposure of the other symbols comes from
/// the portfolio (<c>GrossExposure</c> minus this symbol's current market value); this symbol's exposure after the
/// order is valued at the intent's reference price. An intent that would end above the cap is scaled down to fit
/// (scale rounded down to 4 decimal places), vetoed when there is no room, and always passes when it only reduces.
/// Layers compose by the engine's rule: every layer assesses every intent, any veto stops it and scales multiply.
/// </summary>
public sealed class GrossLeverageRiskManager : IRiskManager
{
    /// <summary>The leverage used when the setting is absent: no borrowing, gross exposure at most equity.</summary>
    public const decimal DefaultMaximumLeverage = 1m;

    private IPluginContext? context;

    /// <inheritdoc />
    public string Name => "risk-gross-leverage";

    /// <summary>The largest gross exposure as a multiple of equity, read from the settings.</summary>
    public decimal MaximumLeverage { get; private set; } = DefaultMaximumLeverage;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Settings.RejectUnknown("maximumLeverage");
        MaximumLeverage = context.Settings.GetDecimal("maximumLeverage", DefaultMaximumLeverage, minimum: 0.0001m, maximum: 100m);
        this.context = context;
    }

    /// <inheritdoc />
    public RiskAssessment Assess(in OrderIntent intent)
    {
        if (intent.IsReducing)
        {
            return RiskAssessment.Approve();
        }

        var current = context ?? throw new InvalidOperationException("The gross leverage limit was not initialised.");
        var portfolio = current.Portfolio;
        var equity = portfolio.Equity;
        if (equity <= 0)
        {
            return RiskAssessment.Veto(Format($"equity {equity:0.00} is not positive, so the gross leverage limit of {MaximumLeverage:0.####}× equity leaves no room"));
        }

        if (intent.ReferencePrice <= 0)
        {
            return RiskAssessment.Veto(Format($"{intent.Symbol} has no positive reference price ({intent.ReferencePrice}) to value the exposure against the limit"));
        }

        var unitValue = intent.ReferencePrice * ContractMultiplier(current, intent.Symbol);
        var limit = MaximumLeverage * equity;
        var otherSymbols = Math.Max(portfolio.GrossExposure - Math.Abs(portfolio.GetPosition(intent.Symbol).MarketValue), 0m);
        var grossAfter = otherSymbols + (Math.Abs(intent.ResultingPosition) * unitValue);
        if (grossAfter <= limit)
        {
            return RiskAssessment.Approve();
        }

        // Value already held on the order's side (negative when the order first has to close a position on the other side).
        var direction = intent.Side == OrderSide.Buy ? 1m : -1m;
        var heldOnOrderSide = direction * intent.CurrentPosition * unitValue;
        var room = limit - otherSymbols - heldOnOrderSide;
        var requested = intent.Quantity * unitValue;
        var description = Format(
            $"gross exposure would be {grossAfter:0.00} after the order ({otherSymbols:0.00} in other symbols), over the gross leverage limit of {MaximumLeverage:0.####}× equity {equity:0.00} = {limit:0.00}");
        return RiskAssessment.ScaleToFit(room, requested, description);
    }

    private static decimal ContractMultiplier(IPluginContext context, string symbol) =>
        context.Instruments.TryGet(symbol, out var rules) ? rules.ContractMultiplier : 1m;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
