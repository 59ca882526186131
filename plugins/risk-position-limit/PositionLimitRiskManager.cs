using System.Globalization;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.PositionLimit;

/// <summary>
/// Caps the absolute market value of the position in any one symbol at <c>maximumFraction</c> × equity, so a single
/// instrument can never carry more of the account than the composition allows, whatever the sizer asks for.
/// An intent that would end above the cap is scaled down to fit (the scale is rounded down to 4 decimal places, so
/// the scaled order never overshoots); one that finds no room at all is vetoed; an intent that only reduces the
/// position always passes, because refusing to cut risk can only make things worse.
/// Layers compose by the engine's rule: every layer assesses every intent, any veto stops it and the scales of all
/// layers multiply, so this cap holds however many other layers run beside it.
/// </summary>
public sealed class PositionLimitRiskManager : IRiskManager
{
    /// <summary>The fraction of equity used when the setting is absent: half the account in one symbol.</summary>
    public const decimal DefaultMaximumFraction = 0.5m;

    private IPluginContext? context;

    /// <inheritdoc />
    public string Name => "risk-position-limit";

    /// <summary>The largest position value per symbol, as a fraction of equity, read from the settings.</summary>
    public decimal MaximumFraction { get; private set; } = DefaultMaximumFraction;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Settings.RejectUnknown("maximumFraction");
        MaximumFraction = context.Settings.GetDecimal("maximumFraction", DefaultMaximumFraction, minimum: 0.0001m, maximum: 100m);
        this.context = context;
    }

    /// <inheritdoc />
    public RiskAssessment Assess(in OrderIntent intent)
    {
        if (intent.IsReducing)
        {
            return RiskAssessment.Approve();
        }

        var current = context ?? throw new InvalidOperationException("The position limit was not initialised.");
        var equity = current.Portfolio.Equity;
        if (equity <= 0)
        {
            return RiskAssessment.Veto(Format($"equity {equity:0.00} is not positive, so the position limit of {MaximumFraction:P2} of equity leaves no room"));
        }

        if (intent.ReferencePrice <= 0)
        {
            return RiskAssessment.Veto(Format($"{intent.Symbol} has no positive reference price ({intent.ReferencePrice}) to value the position against the limit"));
        }

        var unitValue = intent.ReferencePrice * ContractMultiplier(current, intent.Symbol);
        var limit = MaximumFraction * equity;
        var resultingValue = Math.Abs(intent.ResultingPosition) * unitValue;
        if (resultingValue <= limit)
        {
            return RiskAssessment.Approve();
        }

        // Value already held on the order's side (negative when the order first has to close a position on the other side).
        var direction = intent.Side == OrderSide.Buy ? 1m : -1m;
        var heldOnOrderSide = direction * intent.CurrentPosition * unitValue;
        var room = limit - heldOnOrderSide;
        var requested = intent.Quantity * unitValue;
        var description = Format($"{intent.Symbol} would be worth {resultingValue:0.00} after the order, over the position limit of {MaximumFraction:P2} of equity {equity:0.00} = {limit:0.00}");
        return RiskAssessment.ScaleToFit(room, requested, description);
    }

    private static decimal ContractMultiplier(IPluginContext context, string symbol) =>
        context.Instruments.TryGet(symbol, out var rules) ? rules.ContractMultiplier : 1m;

    private static string Format(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
