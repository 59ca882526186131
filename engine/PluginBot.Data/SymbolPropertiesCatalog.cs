using System.Diagnostics.CodeAnalysis;
using System.Text;
using PluginBot.Sdk.Instruments;

namespace PluginBot.Data;

/// <summary>
/// Exchange trading rules read from Lean's symbol-properties CSV (header
/// <c>market,symbol,type,description,quote_currency,contract_multiplier,minimum_price_variation,lot_size,market_ticker,minimum_order_size,…</c>,
/// <c>#</c> comment lines, trailing columns optional). One catalog holds one market and security type, because the
/// same symbol has different rules on Binance spot, Binance futures and Binance.US.
/// <para>
/// Mapping: TickSize = minimum_price_variation, LotSize = MinimumQuantity = lot_size, ContractMultiplier =
/// contract_multiplier, QuoteCurrency = quote_currency, MinimumNotional = minimum_order_size (0 when the column is
/// missing or empty). For Binance crypto Lean's minimum_order_size is the smallest order VALUE in quote currency
/// (Binance's NOTIONAL / MIN_NOTIONAL filter, e.g. 5 USDT for BTCUSDT), not a quantity, hence MinimumNotional.
/// </para>
/// <para>
/// Symbols match case-insensitively. Where market_ticker differs from symbol (Lean names the COIN-M perpetual
/// BTCUSD, Binance names it BTCUSD_PERP), the ticker finds the same rules too, unless it is itself a symbol.
/// </para>
/// </summary>
public sealed class SymbolPropertiesCatalog : IInstrumentCatalog
{
    private static readonly string[] RequiredColumns =
        ["market", "symbol", "type", "quote_currency", "contract_multiplier", "minimum_price_variation", "lot_size"];

    private readonly Dictionary<string, InstrumentRules> bySymbol;
    private readonly Dictionary<string, InstrumentRules> byMarketTicker;

    private SymbolPropertiesCatalog(
        string sourcePath,
        string market,
        string securityType,
        Dictionary<string, InstrumentRules> bySymbol,
        Dictionary<string, InstrumentRules> byMarketTicker)
    {
        SourcePath = sourcePath;
        Market = market;
        SecurityType = securityType;
        this.bySymbol = bySymbol;
        this.byMarketTicker = byMarketTicker;
    }

    /// <summary>The file the rules came from, so an unknown-symbol error can say where it looked.</summary>
    public string SourcePath { get; }

    /// <summary>The market the catalog was filtered to, for example "binance".</summary>
    public string Market { get; }

    /// <summary>The security type the catalog was filtered to, for example "crypto" or "cryptofuture".</summary>
    public string SecurityType { get; }

    /// <summary>How many symbols the catalog knows (market-ticker aliases not counted).</summary>
    public int Count => bySymbol.Count;

    /// <summary>Reads the rows of one market and security type.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist; the message names the path.</exception>
    /// <exception cref="MarketDataFormatException">A missing header column, bad number, invalid size or duplicate symbol (naming file and line), or no row for the market and type.</exception>
    public static SymbolPropertiesCatalog Load(string path, string market = "binance", string securityType = "crypto")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentException.ThrowIfNullOrWhiteSpace(market);
        ArgumentException.ThrowIfNullOrWhiteSpace(securityType);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Symbol properties file '{path}' does not exist.", path);
        }

        var bySymbol = new Dictionary<string, InstrumentRules>(StringComparer.OrdinalIgnoreCase);
        var symbolLines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var tickers = new List<(string Ticker, InstrumentRules Rules)>();
        Dictionary<string, int>? columns = null;
        var lineNumber = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var fields = line.Split(',');
            if (columns is null)
            {
                columns = ReadHeader(path, lineNumber, fields);
                continue;
            }

            if (!Matches(fields, columns["market"], market) || !Matches(fields, columns["type"], securityType))
            {
                continue;
            }

            var rules = ReadRow(path, lineNumber, fields, columns);
            if (symbolLines.TryGetValue(rules.Symbol, out var firstLine))
            {
                throw new MarketDataFormatException(path, lineNumber, $"symbol {rules.Symbol} ({market}, {securityType}) is already defined on line {firstLine}");
            }

            bySymbol.Add(rules.Symbol, rules);
            symbolLines.Add(rules.Symbol, lineNumber);
            var ticker = Field(fields, columns, "market_ticker");
            if (ticker.Length > 0 && !ticker.Equals(rules.Symbol, StringComparison.OrdinalIgnoreCase))
            {
                tickers.Add((ticker, rules));
            }
        }

        if (columns is null)
        {
            throw new MarketDataFormatException(path, 0, "the file is empty: expected a header line starting 'market,symbol,type'");
        }

        if (bySymbol.Count == 0)
        {
            throw new MarketDataFormatException(path, 0, $"no rows for market '{market}' and type '{securityType}'");
        }

        var byMarketTicker = new Dictionary<string, InstrumentRules>(StringComparer.OrdinalIgnoreCase);
        foreach (var (ticker, rules) in tickers)
        {
            if (!bySymbol.ContainsKey(ticker))
            {
                byMarketTicker.TryAdd(ticker, rules);
            }
        }

        return new SymbolPropertiesCatalog(path, market, securityType, bySymbol, byMarketTicker);
    }

    /// <inheritdoc />
    /// <exception cref="KeyNotFoundException">The symbol is not in this market and type; the message names it and the file.</exception>
    public InstrumentRules Get(string symbol)
    {
        if (TryGet(symbol, out var rules))
        {
            return rules;
        }

        throw new KeyNotFoundException(
            $"No instrument rules for symbol '{symbol}' in market '{Market}', type '{SecurityType}' of '{SourcePath}'.");
    }

    /// <inheritdoc />
    public bool TryGet(string symbol, [MaybeNullWhen(false)] out InstrumentRules rules)
    {
        ArgumentNullException.ThrowIfNull(symbol);
        if (bySymbol.TryGetValue(symbol, out var found) || byMarketTicker.TryGetValue(symbol, out found))
        {
            rules = found;
            return true;
        }

        rules = null;
        return false;
    }

    private static Dictionary<string, int> ReadHeader(string path, int lineNumber, string[] fields)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < fields.Length; index++)
        {
            columns.TryAdd(fields[index].Trim(), index);
        }

        var missing = RequiredColumns.Where(name => !columns.ContainsKey(name)).ToArray();
        if (missing.Length > 0)
        {
            throw new MarketDataFormatException(path, lineNumber, $"the header lacks the column(s) {string.Join(", ", missing)}");
        }

        return columns;
    }

    private static InstrumentRules ReadRow(string path, int lineNumber, string[] fields, Dictionary<string, int> columns)
    {
        foreach (var name in RequiredColumns)
        {
            if (columns[name] >= fields.Length)
            {
                throw new MarketDataFormatException(path, lineNumber, $"expected a {name} column (column {columns[name] + 1}) but the row has {fields.Length} columns");
            }
        }

        var symbol = Field(fields, columns, "symbol");
        if (symbol.Length == 0)
        {
            throw new MarketDataFormatException(path, lineNumber, "symbol is empty");
        }

        var contractMultiplier = Number(path, lineNumber, fields, columns, "contract_multiplier");
        var tickSize = Number(path, lineNumber, fields, columns, "minimum_price_variation");
        var lotSize = Number(path, lineNumber, fields, columns, "lot_size");
        var minimumOrderSize = Field(fields, columns, "minimum_order_size").Length == 0
            ? 0m
            : Number(path, lineNumber, fields, columns, "minimum_order_size");
        try
        {
            return new InstrumentRules(symbol, Field(fields, columns, "quote_currency"), tickSize, lotSize, lotSize, minimumOrderSize, contractMultiplier);
        }
        catch (ArgumentOutOfRangeException exception)
        {
            throw new MarketDataFormatException(path, lineNumber, $"invalid rules for {symbol}: {exception.ParamName} {exception.ActualValue} is out of range");
        }
    }

    private static decimal Number(string path, int lineNumber, string[] fields, Dictionary<string, int> columns, string name)
    {
        var problem = CsvFields.TryParseDecimal(Field(fields, columns, name), name, out var value);
        return problem is null ? value : throw new MarketDataFormatException(path, lineNumber, problem);
    }

    private static string Field(string[] fields, Dictionary<string, int> columns, string name) =>
        columns.TryGetValue(name, out var index) && index < fields.Length ? fields[index].Trim() : string.Empty;

    private static bool Matches(string[] fields, int index, string expected) =>
        index < fields.Length && fields[index].Trim().Equals(expected, StringComparison.OrdinalIgnoreCase);
}
