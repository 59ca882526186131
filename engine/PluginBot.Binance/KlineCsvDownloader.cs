using System.Text;
using PluginBot.Sdk.Market;

namespace PluginBot.Binance;

/// <summary>
/// Downloads klines into a CSV in Binance's archive layout (data.binance.vision: twelve columns, no header), which is
/// exactly what PluginBot.Data's BarFileReader reads, so a downloaded file and an archive file are interchangeable.
/// </summary>
public static class KlineCsvDownloader
{
    /// <summary>Fetches every kline in [<paramref name="from"/>, <paramref name="to"/>) and writes it to <paramref name="path"/>; returns the row count.</summary>
    public static async Task<int> DownloadAsync(BinanceRestClient client, string symbol, BarInterval interval, DateTime from, DateTime to, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        if (to <= from)
        {
            throw new ArgumentException($"The end {to:O} must be after the start {from:O}.", nameof(to));
        }

        var rows = await client.GetKlinesAsync(symbol, interval, from, to, cancellationToken).ConfigureAwait(false);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        // Written to a temporary file first so an interrupted download never leaves a truncated CSV under the real name.
        var temporary = path + ".partial";
        await using (var writer = new StreamWriter(temporary, append: false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
        {
            foreach (var row in rows)
            {
                await writer.WriteLineAsync(row.ToCsvLine().AsMemory(), cancellationToken).ConfigureAwait(false);
            }
        }

        File.Move(temporary, path, overwrite: true);
        return rows.Count;
    }
}
