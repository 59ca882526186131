using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PluginBot.Engine.Backtest;

/// <summary>
/// Writes results.json, trades.csv and equity.csv. The output depends only on the result — no wall-clock time,
/// machine name or unordered collection — so two runs of the same backtest give byte-identical files.
/// </summary>
public static class BacktestResultWriter
{
    private static readonly JsonSerializerOptions StatisticsOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Writes the three files into <paramref name="directory"/>, creating it if needed. Returns their paths.</summary>
    public static IReadOnlyList<string> Write(BacktestResult result, string directory)
    {
        Directory.CreateDirectory(directory);
        var resultsPath = Path.Combine(directory, "results.json");
        var tradesPath = Path.Combine(directory, "trades.csv");
        var equityPath = Path.Combine(directory, "equity.csv");
        WriteAtomically(resultsPath, ResultsJson(result));
        WriteAtomically(tradesPath, TradesCsv(result));
        WriteAtomically(equityPath, EquityCsv(result));
        if (result.CommitteeTrail.Count == 0)
        {
            return [resultsPath, tradesPath, equityPath];
        }

        // A mixture of experts also writes what each expert said on every bar and how the committee weighed it.
        var committeePath = Path.Combine(directory, "committee.csv");
        WriteAtomically(committeePath, Committees.CommitteeTrailWriter.Csv(result.CommitteeTrail));
        return [resultsPath, tradesPath, equityPath, committeePath];
    }

    /// <summary>The results.json document as bytes.</summary>
    public static byte[] ResultsJson(BacktestResult result)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("strategy", result.StrategyName);
            json.WriteString("interval", result.Options.Interval.ToString());
            json.WriteNumber("initialCash", result.Options.InitialCash);
            json.WriteNumber("makerFeeBasisPoints", result.Options.Exchange.Fees.MakerBasisPoints);
            json.WriteNumber("takerFeeBasisPoints", result.Options.Exchange.Fees.TakerBasisPoints);
            json.WriteString("slippage", result.Options.Exchange.Slippage.ToString());
            json.WriteNumber("logEntriesDropped", result.LogEntriesDropped);
            json.WriteNumber("latencyMilliseconds", result.Options.Exchange.Latency.TotalMilliseconds);
            WriteProvenance(json, result.Options.Provenance);
            json.WriteBoolean("allowShort", result.Options.Exchange.AllowShortSelling);
            json.WriteNumber("maximumLeverage", result.Options.Exchange.MaximumLeverage);
            json.WriteNumber("barsProcessed", result.BarsProcessed);
            json.WriteNumber("fills", result.FillCount);
            json.WriteNumber("orders", result.Orders.Count);
            json.WriteNumber("rejectedOrders", result.Orders.Count(o => o.Status == Sdk.Orders.OrderStatus.Rejected));
            json.WriteNumber("feesPaid", result.FeesPaid);
            json.WriteNumber("exposure", result.Exposure);
            json.WriteNumber("turnover", result.Turnover);
            json.WriteNumber("calmarRatio", result.CalmarRatio);
            json.WriteNumber("expectancy", result.Expectancy);
            json.WriteString("annualization", result.Options.Annualization.ToString());
            json.WriteNumber("periodsPerYear", result.Options.PeriodsPerYear);
            json.WriteNumber("repeatedDecisionsSuppressed", result.RepeatedDecisionsSuppressed);
            json.WriteNumber("strategyFailures", result.StrategyFailures);
            json.WriteBoolean("strategyFaulted", result.StrategyFaulted);
            json.WritePropertyName("performance");
            JsonSerializer.Serialize(json, result.Performance, StatisticsOptions);
            json.WritePropertyName("tradeStatistics");
            JsonSerializer.Serialize(json, result.TradeStatistics, StatisticsOptions);
            json.WritePropertyName("netTradeStatistics");
            JsonSerializer.Serialize(json, result.NetTradeStatistics, StatisticsOptions);
            json.WriteStartObject("openPositions");
            foreach (var (symbol, quantity) in result.OpenPositions.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                json.WriteNumber(symbol, quantity);
            }

            json.WriteEndObject();
            WriteOrders(json, result);
            WriteDecisions(json, result);
            json.WriteStartArray("swaps");
            foreach (var swap in result.Swaps)
            {
                json.WriteStartObject();
                json.WriteString("time", swap.Time);
                json.WriteString("slot", swap.Slot);
                json.WriteString("fromVersion", swap.FromVersion);
                json.WriteString("toVersion", swap.ToVersion);
                json.WriteBoolean("succeeded", swap.Succeeded);
                if (swap.Error is not null)
                {
                    json.WriteString("error", swap.Error);
                }

                if (swap.Note is not null)
                {
                    json.WriteString("note", swap.Note);
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("log");
            foreach (var entry in result.Log)
            {
                json.WriteStartObject();
                json.WriteString("time", entry.Time);
                json.WriteString("source", entry.Source);
                json.WriteString("level", entry.Level);
                json.WriteString("message", entry.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return stream.ToArray();
    }

    private static void WriteProvenance(Utf8JsonWriter json, BacktestProvenance? provenance)
    {
        if (provenance is null)
        {
            return;
        }

        json.WriteStartObject("inputs");
        json.WriteString("strategyFile", provenance.StrategyFile);
        json.WriteString("strategySha256", provenance.StrategySha256);
        json.WriteStartArray("dataFiles");
        foreach (var file in provenance.DataFiles)
        {
            json.WriteStartObject();
            json.WriteString("path", file.Path);
            json.WriteString("sha256", file.Sha256);
            json.WriteString("symbol", file.Symbol);
            json.WriteNumber("bars", file.Bars);
            json.WriteNumber("skippedRows", file.SkippedRows);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (provenance.From is { } from)
        {
            json.WriteString("from", from);
        }

        if (provenance.To is { } to)
        {
            json.WriteString("to", to);
        }

        json.WriteString("onBadRow", provenance.OnBadRow);
        json.WriteEndObject();
    }

    private static void WriteOrders(Utf8JsonWriter json, BacktestResult result)
    {
        json.WriteStartArray("orderLog");
        foreach (var order in result.Orders)
        {
            var request = order.Request;
            json.WriteStartObject();
            json.WriteString("clientOrderId", request.ClientOrderId);
            json.WriteString("symbol", request.Symbol);
            json.WriteString("side", request.Side.ToString());
            json.WriteString("type", request.Type.ToString());
            json.WriteNumber("quantity", request.Quantity);
            json.WriteString("sentTime", order.SentTime);
            json.WriteString("status", order.Status.ToString());
            json.WriteNumber("filledQuantity", order.FilledQuantity);
            if (order.Fills.Count > 0)
            {
                var notional = order.Fills.Sum(f => f.Price * f.Quantity);
                json.WriteNumber("averageFillPrice", notional / order.FilledQuantity);
                json.WriteNumber("fees", order.Fills.Sum(f => f.Fee));
                json.WriteString("fillTime", order.Fills[^1].Time);
            }

            if (order.Reason is not null)
            {
                json.WriteString("reason", order.Reason);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteDecisions(Utf8JsonWriter json, BacktestResult result)
    {
        json.WriteStartArray("decisions");
        foreach (var decision in result.Decisions)
        {
            json.WriteStartObject();
            json.WriteString("time", decision.Time);
            json.WriteString("symbol", decision.Symbol);
            json.WriteString("direction", decision.Signal.Direction.ToString());
            json.WriteNumber("confidence", decision.Signal.Confidence);
            json.WriteNumber("horizonSeconds", decision.Signal.Horizon.TotalSeconds);
            json.WriteNumber("referencePrice", decision.ReferencePrice);
            json.WriteNumber("positionBefore", decision.PositionBefore);
            json.WriteNumber("targetPosition", decision.TargetPosition);
            json.WriteString("outcome", decision.Outcome.ToString());
            if (decision.ClientOrderId is not null)
            {
                json.WriteString("clientOrderId", decision.ClientOrderId);
            }

            if (decision.Reason is not null)
            {
                json.WriteString("reason", decision.Reason);
            }

            if (decision.StrategyVersion is not null)
            {
                json.WriteString("strategyVersion", decision.StrategyVersion);
            }

            if (decision.Exit is { } exit)
            {
                json.WriteString("exit", exit.ToString());
            }

            if (decision.ExitLevel is { } level)
            {
                json.WriteNumber("exitLevel", level);
            }

            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>trades.csv: one closed round trip per line.</summary>
    public static string TradesCsv(BacktestResult result)
    {
        var csv = new StringBuilder("symbol,direction,entry_time,exit_time,quantity,entry_price,exit_price,profit_loss,fees,net_profit_loss,mae,mfe,exit_reason\n");
        for (var index = 0; index < result.Trades.Count; index++)
        {
            var trade = result.Trades[index];
            var reason = index < result.ExitReasons.Count ? result.ExitReasons[index] : Exits.ExitReason.Signal;
            csv.Append(CultureInfo.InvariantCulture,
                $"{trade.Symbol},{trade.Direction},{trade.EntryTime:yyyy-MM-ddTHH:mm:ssZ},{trade.ExitTime:yyyy-MM-ddTHH:mm:ssZ},{trade.Quantity},{Round(trade.EntryPrice)},{Round(trade.ExitPrice)},{Round(trade.ProfitLoss)},{Round(trade.TotalFees)},{Round(trade.ProfitLoss - trade.TotalFees)},{Round(trade.MaximumAdverseExcursion)},{Round(trade.MaximumFavorableExcursion)},{reason}\n");
        }

        return csv.ToString();
    }

    /// <summary>equity.csv: one stored equity sample per line.</summary>
    public static string EquityCsv(BacktestResult result)
    {
        var csv = new StringBuilder("time,equity,cash,gross_exposure\n");
        foreach (var point in result.EquityCurve)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{point.Time:yyyy-MM-ddTHH:mm:ssZ},{Round(point.Equity)},{Round(point.Cash)},{Round(point.GrossExposure)}\n");
        }

        return csv.ToString();
    }

    private static decimal Round(decimal value) => Math.Round(value, 8, MidpointRounding.ToEven);

    private static void WriteAtomically(string path, string text) => WriteAtomically(path, Encoding.UTF8.GetBytes(text));

    // Write to a temporary file and rename, so an interrupted run never leaves a half-written result
    // in place of a complete earlier one.
    private static void WriteAtomically(string path, byte[] bytes)
    {
        var temporary = path + ".tmp";
        File.WriteAllBytes(temporary, bytes);
        File.Move(temporary, path, overwrite: true);
    }
}
