using PluginBot.Persistence;
using PluginBot.Sdk.Orders;
using PluginBot.Server.Contracts;

namespace PluginBot.Live.Tests;

/// <summary>
/// The paper host as users run it: a separate `pluginbot run` process on a replay feed, driven through its control
/// API, hot-swapped while it trades, killed with SIGKILL and restarted.
/// </summary>
public sealed class LiveHostEndToEndTests : IDisposable
{
    private const int Bars = 1440;
    private static readonly DateTime LastBarEnd = new(2022, 12, 14, 0, 0, 0, DateTimeKind.Utc);
    private readonly string directory = Path.Combine(Path.GetTempPath(), "pluginbot-live-" + Guid.NewGuid().ToString("N"));
    private readonly string data;
    private readonly string script;

    public LiveHostEndToEndTests()
    {
        Directory.CreateDirectory(directory);
        var root = FindRepositoryRoot();
        data = Path.Combine(root, "data", "market", "binance_btcbusd_minute_trade_20221213_UTC.csv");
        script = Path.Combine(directory, "rsi.cs");
        File.Copy(Path.Combine(root, "samples", "scripts", "rsi-reversion.cs"), script);
        File.Copy(Path.Combine(root, "strategies", "ema-cross.json"), Path.Combine(directory, "ema.json"));
        File.WriteAllText(Path.Combine(directory, "ema.json"), File.ReadAllText(Path.Combine(directory, "ema.json")).Replace("../data/market/", Path.GetDirectoryName(data) + "/", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(directory, "moe.json"), """
            {
              "name": "moe",
              "experts": [ { "plugin": "trend-following" }, { "plugin": "mean-reversion" } ],
              "candidate": { "experts": [ { "plugin": "volatility-breakout" }, { "plugin": "trend-following" } ] },
              "split": { "mode": "hash", "candidateFraction": 0.5 },
              "committee": { "routing": "soft", "ensemble": "weighted-voting" },
              "sizer": { "plugin": "fixed-fraction", "settings": { "fraction": 0.5 } },
              "risk": [ { "plugin": "risk-kill-switch" } ]
            }
            """);
    }

    [Fact]
    public void Run_SwapsSplitsAndSigkill_ResumesWithTheSameOrdersAndFillsAndNoDuplicate()
    {
        WriteConfiguration("host.json", speed: 3000, ["ema", "script", "moe"]);
        List<StoredOrder> ordersBeforeKill;
        List<Fill> fillsBeforeKill;
        using (var host = HostProcess.Start(directory, "run", "--config", "host.json"))
        {
            host.WaitUntilListening(TimeSpan.FromSeconds(90));

            // Requests without the token are refused.
            using (var anonymous = new HttpClient { BaseAddress = host.Api.BaseAddress })
            using (var refused = anonymous.Send(new HttpRequestMessage(HttpMethod.Get, "api/strategies")))
            {
                Assert.Equal(System.Net.HttpStatusCode.Unauthorized, refused.StatusCode);
            }

            // Hot swap of an expert plugin inside the committee, through the API.
            var expertSwap = host.Post<SwapResult>("api/strategies/moe/swap", new SwapRequest(SwapKind.Plugin, "mean-reversion", "range-consolidation"));
            Assert.True(expertSwap.Succeeded, expertSwap.Error);

            // Hot swap of the script strategy: a new version saved over the running one.
            var scriptVersion = StrategyVersion(host.Get<StrategySummary>("api/strategies/script"));
            File.WriteAllText(script, File.ReadAllText(script).Replace("rsi.Value < 30", "rsi.Value < 35", StringComparison.Ordinal));
            var swappedScript = WaitFor(() => StrategyVersion(host.Get<StrategySummary>("api/strategies/script")), version => version != scriptVersion, TimeSpan.FromSeconds(60));
            Assert.NotEqual(scriptVersion, swappedScript);

            // A/B split by decision hash: both sets decide and trade; then shadow: the candidate stops trading but keeps deciding.
            var split = WaitFor(() => host.Get<SplitStatus>("api/strategies/moe/ab"), s => s.Sets.All(set => set.Decisions > 20 && set.Trades > 20), TimeSpan.FromSeconds(60));
            Assert.Equal(SplitMode.HashPercentage, split.Configuration!.Mode);
            Assert.NotNull(split.Test);
            Assert.InRange(split.Test!.PValue, 0, 1);
            var shadow = host.Put<SplitStatus>("api/strategies/moe/ab", new SplitConfiguration(SplitMode.Shadow, "control", "candidate"));
            var candidateTradesAtShadow = shadow.Sets.Single(set => set.Role == SplitRole.Candidate).Trades;
            var candidateDecisionsAtShadow = shadow.Sets.Single(set => set.Role == SplitRole.Candidate).Decisions;
            var later = WaitFor(() => host.Get<SplitStatus>("api/strategies/moe/ab"),
                s => s.Sets.Single(set => set.Role == SplitRole.Candidate).Decisions > candidateDecisionsAtShadow + 20, TimeSpan.FromSeconds(60));
            Assert.Equal(candidateTradesAtShadow, later.Sets.Single(set => set.Role == SplitRole.Candidate).Trades);

            // Mid-run: some orders have filled, the replay is not over. Then the plug is pulled.
            WaitFor(() => host.Get<List<OrderSummary>>("api/strategies/ema/orders"), orders => orders.Count(o => o.Status == OrderStatus.Filled) >= 4, TimeSpan.FromSeconds(60));
            host.KillHard();
        }

        using (var store = TradingStore.Open(Path.Combine(directory, "state", "store.db")))
        {
            var cursor = store.ReadCursor("ema")!.Value;
            Assert.True(cursor.BarsHandled < Bars, $"the kill came after the replay ended ({cursor.LastHandledBarEnd:O}); the test must kill mid-run");
            var before = store.Load("ema");
            ordersBeforeKill = before.Orders.ToList();
            fillsBeforeKill = before.Fills.ToList();
            Assert.NotEmpty(fillsBeforeKill);
            Assert.Contains(store.Load("moe").Swaps, swap => swap.RecordJson.Contains("range-consolidation", StringComparison.Ordinal));
            Assert.NotEmpty(store.Load("script").Swaps);
        }

        // Restart on the same store, replaying the rest as fast as possible.
        WriteConfiguration("host.json", speed: 0, ["ema", "script", "moe"]);
        using (var restarted = HostProcess.Start(directory, "run", "--config", "host.json", "--exit-when-done"))
        {
            restarted.WaitForLine(line => line.StartsWith("pluginbot run: ema resumed", StringComparison.Ordinal), TimeSpan.FromSeconds(90));
            Assert.Equal(0, restarted.WaitForExit(TimeSpan.FromMinutes(3)));
            Assert.Contains($"pluginbot run: ema resumed ({ordersBeforeKill.Count} orders, {fillsBeforeKill.Count} fills restored)", restarted.Lines);
        }

        // Reference: the same strategy run once without interruption.
        WriteConfiguration("reference.json", speed: 0, ["ema"], store: "reference/store.db");
        using (var reference = HostProcess.Start(directory, "run", "--config", "reference.json", "--exit-when-done"))
        {
            Assert.Equal(0, reference.WaitForExit(TimeSpan.FromMinutes(3)));
        }

        using var resumedStore = TradingStore.Open(Path.Combine(directory, "state", "store.db"));
        using var referenceStore = TradingStore.Open(Path.Combine(directory, "reference", "store.db"));
        var resumed = resumedStore.Load("ema");
        var uninterrupted = referenceStore.Load("ema");
        Assert.Equal((LastBarEnd, (long)Bars), resumedStore.ReadCursor("ema"));

        // Nothing recorded before the kill changed or vanished, and no order was sent twice.
        var resumedOrders = resumed.Orders.ToDictionary(o => o.Request.ClientOrderId);
        Assert.Equal(resumed.Orders.Count, resumedOrders.Count);
        foreach (var order in ordersBeforeKill)
        {
            Assert.Equal(order.Request, resumedOrders[order.Request.ClientOrderId].Request);
        }

        Assert.Equal(fillsBeforeKill, resumed.Fills.Take(fillsBeforeKill.Count));
        // The audit trail explains every order: its decision record was stored in the order's own transaction.
        var explained = resumedStore.ReadDecisions("ema", 0, 1000).Select(d => d.RecordJson).ToList();
        Assert.All(resumed.Orders, order => Assert.Contains(explained, json => json.Contains($"\"{order.Request.ClientOrderId}\"", StringComparison.Ordinal)));
        Assert.Empty(resumed.PositionMismatches);

        // And the crash changed nothing: the resumed run's orders and fills are the uninterrupted run's.
        Assert.Equal(uninterrupted.Orders.Select(o => o.Request), resumed.Orders.Select(o => o.Request));
        Assert.Equal(uninterrupted.Fills, resumed.Fills);
        Assert.Equal(uninterrupted.Positions, resumed.Positions);
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

    private static string StrategyVersion(StrategySummary summary) => summary.Slots.Single(slot => slot.Slot == "strategy").Version;

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

            Thread.Sleep(100);
        }
        while (watch.Elapsed < timeout);
        throw new TimeoutException($"the condition did not hold within {timeout}; last value: {System.Text.Json.JsonSerializer.Serialize(value)}");
    }

    private void WriteConfiguration(string name, double speed, string[] strategies, string store = "state/store.db")
    {
        var entries = strategies.Select(strategy => strategy switch
        {
            "ema" => $$"""{ "name": "ema", "composition": "ema.json", "data": ["{{data}}"], "speed": {{speed}} }""",
            "script" => $$"""{ "name": "script", "script": "rsi.cs", "data": ["{{data}}"], "speed": {{speed}} }""",
            _ => $$"""{ "name": "moe", "composition": "moe.json", "data": ["{{data}}"], "speed": {{speed}} }""",
        });
        File.WriteAllText(Path.Combine(directory, name), $$"""
            { "store": "{{store}}", "api": { "port": 0 }, "watchIntervalMilliseconds": 100, "strategies": [ {{string.Join(", ", entries)}} ] }
            """);
    }

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
