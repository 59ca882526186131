using Google.Protobuf;
using PluginBot.Sdk.Contracts;

namespace PluginBot.Sdk.Tests;

public sealed class ProtobufContractTests
{
    [Fact]
    public void MarketData_RoundTripsThroughBytes_WithEveryLevelIntact()
    {
        var original = new MarketData
        {
            Symbol = "BTCUSDT",
            TimestampMicros = 1_670_889_600_123_456,
            LastPrice = "17212.12",
            Volume = "110.66042",
        };
        original.Bids.Add(new PriceLevel { Price = "17212.11", Quantity = "0.5" });
        original.Bids.Add(new PriceLevel { Price = "17212.10", Quantity = "1.25" });
        original.Asks.Add(new PriceLevel { Price = "17212.13", Quantity = "0.00042" });

        var bytes = original.ToByteArray();
        var parsed = MarketData.Parser.ParseFrom(bytes);

        Assert.Equal(original, parsed);
        Assert.Equal(2, parsed.Bids.Count);
        Assert.Equal("17212.10", parsed.Bids[1].Price);
        Assert.Equal("0.00042", parsed.Asks[0].Quantity);
        Assert.Equal(1_670_889_600_123_456, parsed.TimestampMicros);
    }

    [Fact]
    public void TradingSignal_RoundTripsThroughBytesAndJson_WithRegimeProbabilities()
    {
        var original = new TradingSignal
        {
            Symbol = "ETHUSDT",
            TimestampMicros = 1_700_000_000_000_000,
            Action = SignalAction.Sell,
            Confidence = 0.73,
            PositionSize = "1.5",
            HorizonSeconds = 3600,
            DecisionId = "ema-cross-42",
            Regime = new RegimeProbabilities { HighVolatility = 0.1, LowVolatility = 0.2, Trending = 0.6, Ranging = 0.1 },
        };

        var fromBytes = TradingSignal.Parser.ParseFrom(original.ToByteArray());
        var fromJson = TradingSignal.Parser.ParseJson(JsonFormatter.Default.Format(original));

        Assert.Equal(original, fromBytes);
        Assert.Equal(original, fromJson);
        Assert.Equal(SignalAction.Sell, fromBytes.Action);
        Assert.Equal(0.6, fromBytes.Regime.Trending);
    }

    [Fact]
    public void TradingSignal_DefaultAction_IsHoldOnTheWire()
    {
        var parsed = TradingSignal.Parser.ParseFrom(new TradingSignal { Symbol = "X" }.ToByteArray());

        Assert.Equal(SignalAction.Hold, parsed.Action);
        Assert.Null(parsed.Regime);
    }
}
