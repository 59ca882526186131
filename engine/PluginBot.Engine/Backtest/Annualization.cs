using System.Globalization;
using PluginBot.Sdk.Market;

namespace PluginBot.Engine.Backtest;

/// <summary>
/// How many return periods make a year. Crypto trades 365.25 days of 24 hours; equities 252 sessions of
/// 6.5 hours, so a 1-minute equity series has 252 × 390 periods a year, not 365 × 1440. A fixed number
/// overrides both.
/// </summary>
public sealed record Annualization
{
    private Annualization(string name, double tradingDaysPerYear, TimeSpan tradingDayLength, double? fixedPeriodsPerYear)
    {
        Name = name;
        TradingDaysPerYear = tradingDaysPerYear;
        TradingDayLength = tradingDayLength;
        FixedPeriodsPerYear = fixedPeriodsPerYear;
    }

    /// <summary>365.25 days of 24 hours.</summary>
    public static Annualization Crypto { get; } = new("crypto", 365.25, TimeSpan.FromHours(24), null);

    /// <summary>252 sessions of 6.5 hours.</summary>
    public static Annualization Equity { get; } = new("equity", 252, TimeSpan.FromHours(6.5), null);

    /// <summary>"crypto", "equity" or "fixed".</summary>
    public string Name { get; }

    /// <summary>Trading days in a year.</summary>
    public double TradingDaysPerYear { get; }

    /// <summary>Trading time in one day.</summary>
    public TimeSpan TradingDayLength { get; }

    /// <summary>A fixed number of periods per year, when given.</summary>
    public double? FixedPeriodsPerYear { get; }

    /// <summary>A fixed number of return periods per year.</summary>
    public static Annualization Fixed(double periodsPerYear)
    {
        if (!double.IsFinite(periodsPerYear) || periodsPerYear <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(periodsPerYear), periodsPerYear, "Periods per year must be a positive number.");
        }

        return new Annualization("fixed", 0, TimeSpan.Zero, periodsPerYear);
    }

    /// <summary>Parses "crypto", "equity" or a positive number of periods per year.</summary>
    public static Annualization Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "crypto" => Crypto,
        "equity" => Equity,
        var number when double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var periods) && periods > 0 => Fixed(periods),
        _ => throw new FormatException($"'{text}' is not an annualisation: expected crypto, equity or a positive number of periods per year."),
    };

    /// <summary>Return periods per year for bars of <paramref name="interval"/>; bars of a day or longer count per trading day.</summary>
    public double PeriodsPerYear(BarInterval interval)
    {
        if (FixedPeriodsPerYear is { } fixedPeriods)
        {
            return fixedPeriods;
        }

        var day = TimeSpan.FromDays(1);
        return interval.Duration >= day
            ? TradingDaysPerYear / (interval.Duration / day)
            : TradingDaysPerYear * (TradingDayLength / interval.Duration);
    }

    /// <inheritdoc />
    public override string ToString() => FixedPeriodsPerYear is { } periods ? periods.ToString(CultureInfo.InvariantCulture) : Name;
}
