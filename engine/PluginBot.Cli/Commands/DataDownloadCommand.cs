using System.CommandLine;
using System.Globalization;
using PluginBot.Binance;
using PluginBot.Sdk.Market;

namespace PluginBot.Cli.Commands;

/// <summary>
/// <c>pluginbot data download --symbol BTCUSDT --interval 1m --from 2024-01-01 --to 2024-01-02 --out FILE [--base-url URL] [--futures]</c>:
/// fetches public klines from Binance into the archive CSV layout BarFileReader reads. No API key is needed.
/// </summary>
internal static class DataDownloadCommand
{
    private const int InvalidExitCode = 2;
    private const int FailedExitCode = 1;

    public static Command Create()
    {
        var symbol = new Option<string>("--symbol") { Description = "Binance symbol, for example BTCUSDT", Required = true };
        var interval = new Option<string>("--interval") { Description = "Bar interval: 1m, 5m, 1h, 1d, ...", Required = true };
        var from = new Option<string>("--from") { Description = "First bar's open time, UTC (yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss)", Required = true };
        var to = new Option<string>("--to") { Description = "End, UTC, exclusive", Required = true };
        var output = new Option<string>("--out") { Description = "CSV file to write", Required = true };
        var baseUrl = new Option<string?>("--base-url") { Description = "REST base address (default: Binance production; a testnet or local server works too)" };
        var futures = new Option<bool>("--futures") { Description = "Use the USD-M futures API instead of spot" };
        var download = new Command("download", "Download Binance klines into a kline CSV") { symbol, interval, from, to, output, baseUrl, futures };
        download.SetAction((parse, cancellationToken) => RunAsync(
            new DownloadArguments(parse.GetValue(symbol)!, parse.GetValue(interval)!, parse.GetValue(from)!, parse.GetValue(to)!, parse.GetValue(output)!, parse.GetValue(baseUrl), parse.GetValue(futures)),
            Console.Out,
            Console.Error,
            cancellationToken));
        return new Command("data", "Work with market data files") { download };
    }

    internal static async Task<int> RunAsync(DownloadArguments arguments, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (!BarInterval.TryParse(arguments.Interval, out var interval))
        {
            error.WriteLine($"--interval '{arguments.Interval}' is not an interval such as 1m, 15m, 1h or 1d");
            return InvalidExitCode;
        }

        if (!TryParseTime(arguments.From, out var from) || !TryParseTime(arguments.To, out var to))
        {
            error.WriteLine("--from and --to must be UTC times written yyyy-MM-dd or yyyy-MM-ddTHH:mm:ss");
            return InvalidExitCode;
        }

        if (to <= from)
        {
            error.WriteLine($"--to {arguments.To} must be after --from {arguments.From}");
            return InvalidExitCode;
        }

        var market = arguments.Futures ? BinanceMarket.UsdFutures : BinanceMarket.Spot;
        var options = BinanceClientOptions.ForMarket(market);
        if (arguments.BaseUrl is not null)
        {
            if (!Uri.TryCreate(arguments.BaseUrl, UriKind.Absolute, out var address))
            {
                error.WriteLine($"--base-url '{arguments.BaseUrl}' is not an absolute URL");
                return InvalidExitCode;
            }

            options = options with { BaseAddress = address };
        }

        using var client = new BinanceRestClient(options);
        try
        {
            var count = await KlineCsvDownloader.DownloadAsync(client, arguments.Symbol.ToUpperInvariant(), interval, from, to, arguments.Output, cancellationToken);
            output.WriteLine($"wrote {count} {interval} bars of {arguments.Symbol.ToUpperInvariant()} to {arguments.Output}");
            return 0;
        }
        catch (Exception exception) when (exception is BinanceApiException or HttpRequestException or IOException)
        {
            error.WriteLine($"download failed: {exception.Message}");
            return FailedExitCode;
        }
    }

    private static bool TryParseTime(string text, out DateTime time) =>
        DateTime.TryParseExact(text, ["yyyy-MM-dd", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-ddTHH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out time);

    /// <summary>The command's arguments, parsed by System.CommandLine.</summary>
    internal sealed record DownloadArguments(string Symbol, string Interval, string From, string To, string Output, string? BaseUrl, bool Futures);
}
