using System.Globalization;
using PluginBot.Engine.Backtest;
using Spectre.Console;

namespace PluginBot.Cli;

/// <summary>Prints a backtest's headline numbers as a table.</summary>
internal static class SummaryTable
{
    public static void Render(BacktestResult result, BacktestDataSet dataSet)
    {
        var performance = result.Performance;
        var trades = result.NetTradeStatistics;
        var table = new Table().Border(TableBorder.Rounded).Title($"[bold]{Markup.Escape(result.StrategyName)}[/]");
        table.AddColumn("Metric");
        table.AddColumn(new TableColumn("Value").RightAligned());
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));

        var symbols = string.Join(", ", dataSet.Series.Select(s => s.Symbol).Distinct());
        Row("Data", $"{symbols} {dataSet.Interval}, {result.BarsProcessed:N0} bars");
        Row("Period", $"{performance.StartTime:yyyy-MM-dd HH:mm} to {performance.EndTime:yyyy-MM-dd HH:mm} UTC");
        if (dataSet.SkippedRows > 0)
        {
            Row("Bad rows skipped", dataSet.SkippedRows.ToString("N0", CultureInfo.InvariantCulture));
        }

        Row("Start equity", Money(performance.StartEquity));
        Row("End equity", Money(performance.EndEquity));
        Row("Total return", Percent((double)performance.TotalReturn));
        Row("CAGR", Percent(performance.CompoundAnnualGrowthRate));
        Row("Sharpe ratio", Ratio(performance.SharpeRatio));
        Row("Sortino ratio", Ratio(performance.SortinoRatio));
        Row("Max drawdown", Percent(-(double)performance.MaximumDrawdown));
        Row("Max drawdown duration", performance.MaximumDrawdownDuration.ToString(@"d'd 'hh'h 'mm'm'", CultureInfo.InvariantCulture));
        Row("Calmar ratio", Ratio(result.CalmarRatio));
        Row("Win rate (after fees)", Percent((double)trades.WinRate));
        Row("Profit factor (after fees)", Ratio((double)trades.ProfitFactor));
        Row("Expectancy per trade (after fees)", Money(result.Expectancy));
        Row("Trades", trades.TotalNumberOfTrades.ToString(CultureInfo.InvariantCulture));
        Row("Orders (rejected)", $"{result.Orders.Count} ({result.Orders.Count(o => o.Status == Sdk.Orders.OrderStatus.Rejected)})");
        Row("Fees", Money(result.FeesPaid));
        Row("Exposure", Percent(result.Exposure));
        Row("Turnover (× initial cash)", result.Turnover.ToString("0.00", CultureInfo.InvariantCulture));
        if (result.StrategyFailures > 0)
        {
            Row("Strategy failures", $"{result.StrategyFailures}{(result.StrategyFaulted ? " (faulted)" : string.Empty)}");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"Sharpe and Sortino are annualised from per-bar returns ({result.Options.Annualization} year: {result.Options.PeriodsPerYear:N0} periods; risk-free rate 0).")));
    }

    private static string Money(decimal value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string Percent(double value) => value.ToString("P2", CultureInfo.InvariantCulture);

    private static string Ratio(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
