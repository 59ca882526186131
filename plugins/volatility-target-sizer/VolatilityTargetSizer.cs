using System.Globalization;
using PluginBot.Indicators;
using PluginBot.Sdk.Market;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Plugins.VolatilityTargetSizer;

/// <summary>
/// Sizes so that being stopped out loses <c>riskFraction</c> of equity: with the stop a distance d (as a fraction of
/// the price) away, notional = equity × riskFraction ÷ d, capped at <c>maximumFraction</c> of equity (a tight stop
/// would otherwise ask for huge leverage). With a fraction of 1 or less the size is also capped by cash, as in the
/// fixed-fraction sizer.
/// <para>
/// The stop distance has two modes. By default (<c>atrPeriod</c> 0) it is the setting <c>stopDistanceFraction</c>.
/// With <c>atrPeriod</c> above 0 the sizer measures volatility itself: every bar it observes updates that symbol's
/// Wilder average true range over <c>atrPeriod</c> bars, and d = <c>stopAtrMultiple</c> × ATR ÷ reference price, so
/// a symbol that moves twice as much gets half the size for the same risk. Until the symbol's ATR has seen
/// <c>atrPeriod</c> bars the sizer sizes nothing and says so, rather than guess a volatility; <c>stopDistanceFraction</c>
/// is then ignored (a host filling schema defaults always sets it).
/// </para>
/// </summary>
public sealed class VolatilityTargetSizer : IPositionSizer
{
    private readonly Dictionary<string, AverageTrueRange> ranges = new(StringComparer.Ordinal);
    private IPluginContext? context;
    private decimal riskFraction = 0.01m;
    private decimal stopDistanceFraction = 0.02m;
    private decimal maximumFraction = 1m;
    private int atrPeriod;
    private decimal stopAtrMultiple = 2m;

    /// <summary>Bars in the ATR (0 = fixed stop distance), read from the settings.</summary>
    public int AtrPeriod => atrPeriod;

    /// <summary>The stop distance in ATRs when <see cref="AtrPeriod"/> is above 0, read from the settings.</summary>
    public decimal StopAtrMultiple => stopAtrMultiple;

    /// <inheritdoc />
    public void Initialize(IPluginContext context)
    {
        this.context = context;
        var settings = context.Settings;
        settings.RejectUnknown("riskFraction", "stopDistanceFraction", "maximumFraction", "atrPeriod", "stopAtrMultiple");
        riskFraction = settings.GetDecimal("riskFraction", 0.01m, minimum: 0.0001m, maximum: 1m);
        stopDistanceFraction = settings.GetDecimal("stopDistanceFraction", 0.02m, minimum: 0.0001m, maximum: 1m);
        maximumFraction = settings.GetDecimal("maximumFraction", 1m, minimum: 0.0001m, maximum: 10m);
        atrPeriod = settings.GetInt32("atrPeriod", 0, minimum: 0, maximum: 10_000);
        stopAtrMultiple = settings.GetDecimal("stopAtrMultiple", 2m, minimum: 0.0001m, maximum: 100m);
        ranges.Clear();
    }

    /// <summary>The symbol's current ATR, or null before it has seen <see cref="AtrPeriod"/> bars (or in the fixed mode).</summary>
    public double? AverageTrueRangeOf(string symbol) =>
        ranges.TryGetValue(symbol, out var range) && range.IsReady ? range.Value : null;

    /// <inheritdoc />
    public void Observe(in Bar bar)
    {
        if (atrPeriod == 0)
        {
            return;
        }

        if (!ranges.TryGetValue(bar.Symbol, out var range))
        {
            range = new AverageTrueRange(atrPeriod);
            ranges.Add(bar.Symbol, range);
        }

        range.Update(BarSample.From(in bar));
    }

    /// <inheritdoc />
    public SizingResult Size(in SizingRequest request)
    {
        var portfolio = (context ?? throw new InvalidOperationException("The sizer was not initialised.")).Portfolio;
        decimal distance;
        string stop;
        if (atrPeriod == 0)
        {
            distance = stopDistanceFraction;
            stop = string.Create(CultureInfo.InvariantCulture, $"a stop {stopDistanceFraction} away");
        }
        else
        {
            ranges.TryGetValue(request.Symbol, out var range);
            if (range is not { IsReady: true })
            {
                return SizingResult.None(string.Create(CultureInfo.InvariantCulture,
                    $"volatility target: the ATR({atrPeriod}) of {request.Symbol} is warming up ({range?.Samples ?? 0} of {atrPeriod} bars seen), so there is no stop distance to size against yet"));
            }

            var price = request.ReferencePrice;
            var atr = (decimal)range.Value;
            if (price <= 0 || atr <= 0)
            {
                return SizingResult.None(string.Create(CultureInfo.InvariantCulture,
                    $"volatility target: no stop distance from ATR({atrPeriod}) {atr} at price {price}"));
            }

            distance = stopAtrMultiple * atr / price;
            stop = string.Create(CultureInfo.InvariantCulture, $"a stop {stopAtrMultiple} × ATR({atrPeriod}) {atr:0.########} = {distance:0.######} of the price {price} away");
        }

        var uncapped = riskFraction / distance;
        var fraction = Math.Min(uncapped, maximumFraction);
        var basis = string.Create(CultureInfo.InvariantCulture,
            $"volatility target: risk {riskFraction} of equity over {stop} = {uncapped:0.######} of equity, capped at {maximumFraction}");
        return EquityFractionSizing.Size(portfolio, in request, fraction, basis);
    }
}
