using PluginBot.Sdk.Instruments;

namespace PluginBot.Data.Tests;

/// <summary>Binance trading rules read from Lean's shipped symbol-properties file.</summary>
public sealed class SymbolPropertiesCatalogTests : IDisposable
{
    private const string Header = "market,symbol,type,description,quote_currency,contract_multiplier,minimum_price_variation,lot_size,market_ticker,minimum_order_size";
    private static readonly string ShippedPath = TestFiles.Path("symbol-properties-binance.csv");
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Get_BitcoinTether_ReturnsBinanceSpotRules()
    {
        var catalog = SymbolPropertiesCatalog.Load(ShippedPath);

        var rules = catalog.Get("BTCUSDT");

        Assert.Equal(("BTCUSDT", "USDT"), (rules.Symbol, rules.QuoteCurrency));
        Assert.Equal(0.01m, rules.TickSize);
        Assert.Equal(0.00001m, rules.LotSize);
        Assert.Equal(0.00001m, rules.MinimumQuantity);
        Assert.Equal(5m, rules.MinimumNotional);
        Assert.Equal(1m, rules.ContractMultiplier);
    }

    [Fact]
    public void Get_BitcoinBusd_HasTheTenBusdMinimumOrderValue()
    {
        var rules = SymbolPropertiesCatalog.Load(ShippedPath).Get("BTCBUSD");

        Assert.Equal((0.01m, 0.00001m, 10m, "BUSD"), (rules.TickSize, rules.LotSize, rules.MinimumNotional, rules.QuoteCurrency));
        Assert.Equal("notional 9.99999 BUSD is below the minimum notional 10 for BTCBUSD", rules.Check(0.00099m, 10101m, priceIsOrderPrice: true));
    }

    [Fact]
    public void Load_ShippedFile_KeepsOnlyTheRequestedMarketAndType()
    {
        var spot = SymbolPropertiesCatalog.Load(ShippedPath);
        var binanceUs = SymbolPropertiesCatalog.Load(ShippedPath, market: "binanceus");

        Assert.Equal(3651, spot.Count);
        Assert.Equal(627, binanceUs.Count);
        Assert.Equal(1m, binanceUs.Get("BTCUSDT").MinimumNotional);
    }

    [Fact]
    public void Get_CoinFuturesPerpetualByBinanceTicker_ReturnsContractRules()
    {
        var futures = SymbolPropertiesCatalog.Load(ShippedPath, securityType: "cryptofuture");

        var perpetual = futures.Get("BTCUSD_PERP");

        Assert.Same(futures.Get("BTCUSD"), perpetual);
        Assert.Equal((100m, 0.1m, 1m, "USD"), (perpetual.ContractMultiplier, perpetual.TickSize, perpetual.LotSize, perpetual.QuoteCurrency));
        // Lean's futures rows stop before minimum_order_size: no minimum notional.
        Assert.Equal(0m, futures.Get("BTCUSDT").MinimumNotional);
    }

    [Fact]
    public void Get_LowerCaseSymbol_FindsTheSameRules() =>
        Assert.Equal("BTCUSDT", SymbolPropertiesCatalog.Load(ShippedPath).Get("btcusdt").Symbol);

    [Fact]
    public void Get_UnknownSymbol_ThrowsKeyNotFoundNamingTheSymbol()
    {
        var catalog = SymbolPropertiesCatalog.Load(ShippedPath);

        var error = Assert.Throws<KeyNotFoundException>(() => catalog.Get("NOSUCHCOIN"));

        Assert.Contains("'NOSUCHCOIN'", error.Message);
        Assert.Contains("market 'binance', type 'crypto'", error.Message);
        Assert.False(catalog.TryGet("NOSUCHCOIN", out _));
    }

    [Fact]
    public void FallbackCatalog_UnknownSymbol_ReturnsPermissiveRulesWhileKnownSymbolsKeepTheirs()
    {
        var fallback = new FallbackInstrumentCatalog(SymbolPropertiesCatalog.Load(ShippedPath));

        Assert.Equal(InstrumentRules.Permissive("SPY"), fallback.Get("SPY"));
        Assert.True(fallback.TryGet("SPY", out _));
        Assert.False(fallback.IsKnown("SPY"));
        Assert.Equal(5m, fallback.Get("BTCUSDT").MinimumNotional);
        Assert.True(fallback.IsKnown("BTCUSDT"));
    }

    [Fact]
    public void Load_NonNumericTickSize_FailsNamingFileLineAndColumn()
    {
        var path = directory.Write("properties.csv", Header, "# comment", "binance,BTCUSDT,crypto,BTCUSDT,USDT,1,one cent,0.00001,BTCUSDT,5");

        var error = Assert.Throws<MarketDataFormatException>(() => SymbolPropertiesCatalog.Load(path));

        Assert.Equal($"{path}:3: minimum_price_variation 'one cent' is not a number", error.Message);
    }

    [Fact]
    public void Load_ZeroLotSize_FailsNamingFileLineAndSymbol()
    {
        var path = directory.Write("properties.csv", Header, "binance,BTCUSDT,crypto,BTCUSDT,USDT,1,0.01,0,BTCUSDT,5");

        var error = Assert.Throws<MarketDataFormatException>(() => SymbolPropertiesCatalog.Load(path));

        Assert.Equal($"{path}:2: invalid rules for BTCUSDT: lotSize 0 is out of range", error.Message);
    }

    [Fact]
    public void Load_RowCutBeforeLotSize_FailsNamingTheMissingColumn()
    {
        var path = directory.Write("properties.csv", Header, "binance,BTCUSDT,crypto,BTCUSDT,USDT,1,0.01");

        var error = Assert.Throws<MarketDataFormatException>(() => SymbolPropertiesCatalog.Load(path));

        Assert.Equal($"{path}:2: expected a lot_size column (column 8) but the row has 7 columns", error.Message);
    }

    [Fact]
    public void Load_DuplicateSymbol_FailsNamingBothLines()
    {
        var row = "binance,BTCUSDT,crypto,BTCUSDT,USDT,1,0.01,0.00001,BTCUSDT,5";
        var path = directory.Write("properties.csv", Header, row, row);

        var error = Assert.Throws<MarketDataFormatException>(() => SymbolPropertiesCatalog.Load(path));

        Assert.Equal($"{path}:3: symbol BTCUSDT (binance, crypto) is already defined on line 2", error.Message);
    }

    [Fact]
    public void Load_HeaderWithoutLotSize_FailsOnTheHeaderLine()
    {
        var path = directory.Write("properties.csv", "market,symbol,type,quote_currency,contract_multiplier,minimum_price_variation");

        var error = Assert.Throws<MarketDataFormatException>(() => SymbolPropertiesCatalog.Load(path));

        Assert.Equal($"{path}:1: the header lacks the column(s) lot_size", error.Message);
    }

    [Fact]
    public void Load_MarketWithoutRows_FailsNamingMarketAndType()
    {
        var error = Assert.Throws<MarketDataFormatException>(() => SymbolPropertiesCatalog.Load(ShippedPath, market: "kraken"));

        Assert.Equal($"{ShippedPath}: no rows for market 'kraken' and type 'crypto'", error.Message);
    }

    [Fact]
    public void Load_MissingFile_ThrowsFileNotFoundNamingThePath()
    {
        var path = directory.PathOf("absent.csv");

        var error = Assert.Throws<FileNotFoundException>(() => SymbolPropertiesCatalog.Load(path));

        Assert.Contains(path, error.Message);
    }
}
