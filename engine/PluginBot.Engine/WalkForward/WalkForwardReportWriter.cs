using System.Globalization;
using System.Text;
using System.Text.Json;

namespace PluginBot.Engine.WalkForward;

/// <summary>Writes a walk-forward comparison as walkforward.json (everything) and walkforward.csv (one row per variant and fold).</summary>
public static class WalkForwardReportWriter
{
    /// <summary>Writes both files into <paramref name="directory"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(WalkForwardReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        var jsonPath = Path.Combine(directory, "walkforward.json");
        var csvPath = Path.Combine(directory, "walkforward.csv");
        using (var stream = File.Create(jsonPath))
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("strategy", report.Strategy);
            json.WriteStartArray("folds");
            foreach (var fold in report.Folds)
            {
                json.WriteStartObject();
                json.WriteNumber("index", fold.Index);
                json.WriteString("trainStart", fold.TrainStart);
                json.WriteString("testStart", fold.TestStart);
                json.WriteString("testEnd", fold.TestEnd);
                json.WriteNumber("trainBars", fold.TrainBars);
                json.WriteNumber("testBars", fold.TestBars);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("summaries");
            foreach (var summary in report.Summaries)
            {
                json.WriteStartObject();
                json.WriteString("variant", summary.Variant);
                json.WriteNumber("compoundedReturn", summary.CompoundedReturn);
                json.WriteNumber("meanSharpeRatio", Finite(summary.MeanSharpeRatio));
                json.WriteNumber("worstDrawdown", summary.WorstDrawdown);
                json.WriteNumber("meanTurnover", summary.MeanTurnover);
                json.WriteNumber("trades", summary.Trades);
                json.WriteNumber("foldsBeatingBuyAndHold", summary.FoldsWon);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        var csv = new StringBuilder("variant,fold,test_start,test_end,total_return,sharpe,max_drawdown,turnover,trades\n");
        foreach (var result in report.Results)
        {
            csv.Append(CultureInfo.InvariantCulture, $"\"{result.Variant}\",{result.Fold.Index},{result.Fold.TestStart:O},{result.Fold.TestEnd:O},{result.TotalReturn},{Finite(result.SharpeRatio)},{result.MaximumDrawdown},{result.Turnover},{result.Trades}\n");
        }

        File.WriteAllText(csvPath, csv.ToString());
        return [jsonPath, csvPath];
    }

    // JSON has no NaN: a fold without return variance has no Sharpe ratio, written as 0.
    private static double Finite(double value) => double.IsFinite(value) ? Math.Round(value, 6) : 0;
}
