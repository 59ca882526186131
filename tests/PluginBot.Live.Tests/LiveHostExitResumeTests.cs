using System.Text.Json.Nodes;
using PluginBot.Persistence;
using PluginBot.Sdk.Orders;
using PluginBot.Server.Contracts;

namespace PluginBot.Live.Tests;

/// <summary>
/// A paper run WITH exits (the EMA cross carrying ml-adaptive's ATR stop, trailing stop and three partial targets),
/// killed with SIGKILL while exit orders rest at the venue and restarted: the warm-up replays the stored orders with
/// the bars they happened between, so the resumed run keeps the same stop, does not resend filled targets and ends
/// with exactly the uninterrupted run's orders and fills.
/// </summary>
public sealed class LiveHostExitResumeTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "pluginbot-exits-" + Guid.NewGuid().ToString("N"));
    private readonly string data;

    public LiveHostExitResumeTests()
    {
        Directory.CreateDirectory(directory);
        var root = FindRepositoryRoot();
        data = Path.Combine(root, "data", "market", "binance_btcbusd_minute_trade_20221213_UTC.csv");
        var composition = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "strategies", "ema-cross.json")))!.AsObject();
        var exits = JsonNode.Parse(File.ReadAllText(Path.Combine(root, "strategies", "ml-adaptive.json")))!["exits"]!.DeepClone();
        composition["exits"] = exits;
        composition["backtest"]!["data"] = new JsonArray(data);
        File.WriteAllText(Path.Combine(directory, "ema-exits.json"), composition.ToJsonString());
    }

    [Fact]
    public void Run_KilledWhileExitOrdersRest_ResumesWithTheUninterruptedRunsOrdersAndFills()
    {
        WriteConfiguration("host.json", speed: 6000, "state/store.db");
        using (var host = HostProcess.Start(directory, "run", "--config", "host.json"))
        {
            host.WaitUntilListening(TimeSpan.FromSeconds(90));
            // Mid-run, after a partial target has filled and while the rest of the position's exit block is working.
            WaitFor(() => host.Get<List<OrderSummary>>("api/strategies/ema/orders"),
                orders => orders.Any(o => IsExit(o) && o.Status == OrderStatus.Filled && o.Type == OrderType.Limit)
                    && orders.Any(o => IsExit(o) && o.Status == OrderStatus.Accepted),
                TimeSpan.FromSeconds(60));
            host.KillHard();
        }

        List<StoredOrder> ordersBeforeKill;
        using (var store = TradingStore.Open(Path.Combine(directory, "state", "store.db")))
        {
            var cursor = store.ReadCursor("ema")!.Value;
            Assert.True(cursor.BarsHandled < 1440, $"the kill came after the replay ended ({cursor.LastHandledBarEnd:O}); the test must kill mid-run");
            ordersBeforeKill = store.Load("ema").Orders.ToList();
        }

        WriteConfiguration("host.json", speed: 0, "state/store.db");
        using (var restarted = HostProcess.Start(directory, "run", "--config", "host.json", "--exit-when-done"))
        {
            Assert.Equal(0, restarted.WaitForExit(TimeSpan.FromMinutes(3)));
        }

        WriteConfiguration("reference.json", speed: 0, "reference/store.db");
        using (var reference = HostProcess.Start(directory, "run", "--config", "reference.json", "--exit-when-done"))
        {
            Assert.Equal(0, reference.WaitForExit(TimeSpan.FromMinutes(3)));
        }

        using var resumedStore = TradingStore.Open(Path.Combine(directory, "state", "store.db"));
        using var referenceStore = TradingStore.Open(Path.Combine(directory, "reference", "store.db"));
        var resumed = resumedStore.Load("ema");
        var uninterrupted = referenceStore.Load("ema");

        // The exit block working at the kill went back to the venue: none of its orders was cancelled by the restart.
        var resumedOrders = resumed.Orders.ToDictionary(o => o.Request.ClientOrderId);
        var referenceOrders = uninterrupted.Orders.ToDictionary(o => o.Request.ClientOrderId);
        foreach (var order in ordersBeforeKill.Where(o => IsExit(o.Request.ClientOrderId)))
        {
            Assert.Equal(referenceOrders[order.Request.ClientOrderId].Updates.Select(u => u.Status), resumedOrders[order.Request.ClientOrderId].Updates.Select(u => u.Status));
        }

        Assert.Contains(resumed.Orders, o => IsExit(o.Request.ClientOrderId) && o.Fills.Count > 0);
        Assert.Equal(uninterrupted.Orders.Select(o => (o.Request, o.SentTime)), resumed.Orders.Select(o => (o.Request, o.SentTime)));
        Assert.Equal(uninterrupted.Fills, resumed.Fills);
        Assert.Equal(uninterrupted.Positions, resumed.Positions);
        Assert.Empty(resumed.PositionMismatches);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment; the temporary folder is left for the OS.
        }
    }

    private static bool IsExit(OrderSummary order) => IsExit(order.ClientOrderId);

    private static bool IsExit(string clientOrderId) => clientOrderId.StartsWith("ema-exit-", StringComparison.Ordinal);

    private static T WaitFor<T>(Func<T> read, Func<T, bool> done, TimeSpan timeout)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        T value;
        do
        {
            value = read();
            if (done(value))
            {
                return value;
            }

            Thread.Sleep(50);
        }
        while (watch.Elapsed < timeout);
        throw new TimeoutException($"the condition did not hold within {timeout}; last value: {System.Text.Json.JsonSerializer.Serialize(value)}");
    }

    private void WriteConfiguration(string name, double speed, string store) =>
        File.WriteAllText(Path.Combine(directory, name), $$"""
            { "store": "{{store}}", "api": { "port": 0 }, "watchIntervalMilliseconds": 100,
              "strategies": [ { "name": "ema", "composition": "ema-exits.json", "data": ["{{data}}"], "speed": {{speed}} } ] }
            """);

    private static string FindRepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PluginBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PluginBot.sln not found above " + AppContext.BaseDirectory);
    }
}
