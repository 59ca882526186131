using System.Net;
using PluginBot.Binance.FakeServer;
using PluginBot.Sdk.Orders;

namespace PluginBot.Binance.Tests;

/// <summary>Scans everything the adapter said during a faulty run (logs, exception messages, reasons) for the key and secret.</summary>
public sealed class SecretLeakTests
{
    private const string Key = "LEAKCHECKKEY-7f3a9c2e1b";
    private const string Secret = "LEAKCHECKSECRET-d84e6b0a55";

    [Fact]
    public async Task FaultyRun_EveryLogLineAndMessage_ContainsNeitherKeyNorSecret()
    {
        var said = new List<string>();
        await using (var fixture = await AdapterFixture.StartAsync(server: options => options with { ApiKey = Key, ApiSecret = Secret }))
        {
            fixture.Server.Faults.Schedule(FakeFaultKind.DropResponse, 1, filter: "POST /api/v3/order");
            fixture.Server.Faults.Schedule(FakeFaultKind.FailAfterExecuting, 1, HttpStatusCode.BadGateway, "POST /api/v3/order");
            fixture.Server.Faults.Schedule(FakeFaultKind.FailBeforeExecuting, 1, HttpStatusCode.TooManyRequests);
            fixture.Adapter.Submit(new OrderRequest("leak-1", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.01m));
            fixture.Adapter.Submit(new OrderRequest("leak-2", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.01m));
            fixture.Adapter.Submit(new OrderRequest("leak-3", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.00001m));
            fixture.Server.Streams.DisconnectAll();
            await fixture.WaitForStreamAsync(2);
            await fixture.Sink.WaitUntilAsync(sink => sink.LastStatus("leak-3") == OrderStatus.Rejected);

            using var wrongSecret = new BinanceRestClient(fixture.Exchange.Client.Options with { Credentials = new BinanceCredentials(Key, "WRONG-" + Secret) });
            var exception = await Assert.ThrowsAsync<BinanceApiException>(() => wrongSecret.GetBalancesAsync());
            said.Add(exception.ToString());
            said.Add(wrongSecret.Options.ToString());
            said.Add(fixture.Exchange.Client.Options.Credentials!.ToString());
            said.AddRange(fixture.Exchange.Logger.Lines);
            said.AddRange(fixture.Sink.Updates.Select(update => update.ToString()));
        }

        Assert.Contains(said, line => line.Contains("-1022", StringComparison.Ordinal));
        Assert.True(said.Count > 10, $"only {said.Count} lines were captured");
        Assert.DoesNotContain(said, line => line.Contains(Key, StringComparison.Ordinal) || line.Contains(Secret, StringComparison.Ordinal));
    }
}
