using System.Globalization;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.Risk.DailyLoss;

/// <summary>
/// Halts new entries for the rest of the UTC day once the day's loss reaches <c>maximumDailyLoss</c> × the equity at
/// 00:00 UTC (the portfolio's <c>DailyProfitLoss</c> and <c>EquityAtDayStart</c>). A bad day then costs at most the
/// limit plus what the open positions lose, instead of whatever a strategy on a losing streak keeps adding.
/// The halt is sticky for the day: a recovery later that day does not lift it, because a limit that re-opens on
/// every bounce would let the strategy trade the same losing pattern again. It lifts when the UTC day changes, seen
/// from the closing time of observed bars and from the clock when assessing; a bar closing exactly at 00:00 belongs
/// to the day that is ending, the same rule the engine's portfolio uses to restart daily P&amp;L.
/// While halted, intents that only reduce a position still pass, so the strategy can always get out.
/// Layers compose by the engine's rule: every layer assesses every intent, any veto stops it and scales multiply.
/// </summary>
public sealed class DailyLossRiskManager : IRiskManager
{
    /// <summary>The loss limit used when the setting is absent: 3 % of the equity at the start of the day.</summary>
    public const decimal DefaultMaximumDailyLoss = 0.03m;

    private IPluginContext? context;
    private DateTime haltedDay;
    private string? haltReason;

    /// <inheritdoc />
    public string Name => "risk-daily-loss";

    /// <summary>The largest daily loss as a fraction of the equity at 00:00 UTC, read from the settings.</summary>
    public decimal MaximumDailyLoss { get; private set; } = DefaultMaximumDailyLoss;

    /// <inheritdoc />
    public RiskState State => haltReason is null ? RiskState.Active : RiskState.Halted;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Settings.RejectUnknown("maximumDailyLoss");
        MaximumDailyLoss = context.Settings.GetDecimal("maximumDailyLoss", DefaultMaximumDailyLoss, minimum: 0.0001m, maximum: 1m);
        this.context = context;
    }

    /// <inheritdoc />
    public void Observe(in Bar bar) => Update(bar.EndTime);

    /// <inheritdoc />
    public RiskAssessment Assess(in OrderIntent intent)
    {
        var current = context ?? throw new InvalidOperationException("The daily loss limit was not initialised.");
        Update(current.Clock.UtcNow);
        if (intent.IsReducing || haltReason is null)
        {
            return RiskAssessment.Approve();
        }

        return RiskAssessment.Veto(haltReason);
    }

    // An event at exactly 00:00 closes the old day, so the day of an instant is the date of the tick before it.
    private static DateTime TradingDay(DateTime time) => time.AddTicks(-1).Date;

    private void Update(DateTime time)
    {
        var portfolio = (context ?? throw new InvalidOperationException("The daily loss limit was not initialised.")).Portfolio;
        var day = TradingDay(time);
        if (haltReason is not null && day > haltedDay)
        {
            haltReason = null;
        }

        if (haltReason is not null)
        {
            return;
        }

        var dayStart = portfolio.EquityAtDayStart;
        var limit = MaximumDailyLoss * dayStart;
        var profitLoss = portfolio.DailyProfitLoss;
        if (dayStart <= 0 || profitLoss <= -limit)
        {
            haltedDay = day;
            haltReason = string.Create(CultureInfo.InvariantCulture,
                $"daily loss {-profitLoss:0.00} reached the daily loss limit of {MaximumDailyLoss:P2} of the day-start equity {dayStart:0.00} = {limit:0.00}; new entries are halted until 00:00 UTC after {day:yyyy-MM-dd}");
        }
    }
}
