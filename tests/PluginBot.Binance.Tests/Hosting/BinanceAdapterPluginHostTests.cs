using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.CompilerServices;
using PluginBot.Binance.FakeServer;
using PluginBot.Hosting;
using PluginBot.Sdk.Orders;
using PluginBot.Sdk.Plugins;

namespace PluginBot.Binance.Tests.Hosting;

/// <summary>
/// The adapter as the engine really gets it: the packaged folder the build writes to artifacts/plugins, loaded by the
/// plugin host into its own collectible context, driven only through the SDK interfaces, then unloaded for real.
/// </summary>
public sealed class BinanceAdapterPluginHostTests
{
    private const string FolderName = "exchange-binance";

    [Fact]
    public void PackagedFolder_EveryAssemblyTheAdapterNeeds_IsInsideIt()
    {
        var folder = PackagedFolder();
        var missing = new List<string>();
        var pending = new Queue<string>(["PluginBot.Plugins.Exchange.Binance"]);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var name))
        {
            if (!seen.Add(name))
            {
                continue;
            }

            var path = Path.Combine(folder, name + ".dll");
            if (!File.Exists(path))
            {
                missing.Add(name);
                continue;
            }

            foreach (var reference in ReferencedAssemblies(path).Where(reference => !ComesFromTheHost(reference)))
            {
                pending.Enqueue(reference);
            }
        }

        Assert.Empty(missing);
        // PluginBot.Binance references PluginBot.Data only at build time (no type of it is used), so at run time the
        // adapter needs exactly these two private assemblies.
        Assert.Equal(["PluginBot.Binance", "PluginBot.Plugins.Exchange.Binance"], seen.Order(StringComparer.Ordinal));
        Assert.True(File.Exists(Path.Combine(folder, "plugin.json")));
        Assert.False(File.Exists(Path.Combine(folder, "PluginBot.Sdk.dll")), "the SDK must come from the host, never from the plugin folder");
    }

    [Fact]
    public async Task LoadedThroughThePluginHost_SubmitsAnOrderReceivesItsFillAndUnloads()
    {
        await using var server = await FakeBinanceServer.StartAsync();
        server.SetPrice("BTCUSDT", 50000m);
        var root = Path.Combine(Path.GetTempPath(), $"pluginbot-binance-host-{Environment.ProcessId}");
        if (Directory.Exists(root))
        {
            Directory.Delete(root, recursive: true);
        }

        var plugins = Path.Combine(root, "plugins");
        CopyDirectory(PackagedFolder(), Path.Combine(plugins, FolderName));
        var secretFile = Path.Combine(root, "binance.secret");
        File.WriteAllLines(secretFile, [server.Options.ApiKey, server.Options.ApiSecret]);
        var settings = $$"""
            {"market":"spot","restUrl":"{{server.BaseAddress}}","streamUrl":"{{server.WebSocketAddress}}","symbols":"BTCUSDT","secretFile":"{{secretFile}}"}
            """;
        using var host = new PluginHost(Path.Combine(root, "shadow"));
        var sink = new RecordingSink();
        var logger = new RecordingLogger();

        var plugin = await LoadTradeAndDisposeAsync(host, plugins, settings, sink, logger);

        Assert.Equal(PluginState.Loaded, plugin.State);
        Assert.True(host.Release(plugin), "the adapter's load context was not collected after it was disposed");
        var fill = Assert.Single(sink.Fills);
        Assert.Equal(("host-1", OrderSide.Buy, 0.01m, 50000m), (fill.ClientOrderId, fill.Side, fill.Quantity, fill.Price));
        Assert.Equal(OrderStatus.Filled, sink.LastStatus("host-1"));
        Assert.Single(server.Ledger.Orders);
        Assert.Contains(logger.Lines, line => line.Contains("Binance adapter: started", StringComparison.Ordinal));
        Directory.Delete(root, recursive: true);
    }

    /// <summary>
    /// Everything that touches the plugin's types happens in this frame (no inlining), so when it returns nothing of
    /// the test method can keep the load context alive.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static async Task<HostedPlugin> LoadTradeAndDisposeAsync(PluginHost host, string plugins, string settings, RecordingSink sink, RecordingLogger logger)
    {
        var plugin = Assert.Single(host.LoadDirectory(plugins));
        Assert.True(plugin.State == PluginState.Loaded, string.Join(Environment.NewLine, plugin.Errors));
        var instance = plugin.CreateInstance();
        Assert.True(plugin.Owns(instance));
        Assert.NotSame(typeof(Plugins.Exchange.Binance.BinanceExchangeAdapter).Assembly, instance.GetType().Assembly);
        var adapter = (IExchangeAdapter)instance;
        ((IPlugin)instance).Initialize(new HostTestContext(settings, logger));
        adapter.Attach(sink);
        adapter.Submit(new OrderRequest("host-1", "BTCUSDT", OrderSide.Buy, OrderType.Market, 0.01m));
        await sink.WaitUntilAsync(recorded => recorded.LastStatus("host-1") == OrderStatus.Filled && recorded.Fills.Count == 1);
        Assert.Equal("binance-spot", adapter.Name);
        await ((IAsyncDisposable)instance).DisposeAsync();
        return plugin;
    }

    private static bool ComesFromTheHost(string assemblyName) =>
        assemblyName is "PluginBot.Sdk" or "PluginBot.Indicators" or "netstandard" or "mscorlib"
        || assemblyName.StartsWith("System", StringComparison.Ordinal)
        || assemblyName.StartsWith("Microsoft", StringComparison.Ordinal);

    private static IEnumerable<string> ReferencedAssemblies(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new PEReader(stream);
        var metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences.Select(handle => metadata.GetString(metadata.GetAssemblyReference(handle).Name)).ToList();
    }

    private static void CopyDirectory(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }
    }

    private static string PackagedFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PluginBot.sln")))
            {
                return Path.Combine(directory.FullName, "artifacts", "plugins", FolderName);
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} contains PluginBot.sln.");
    }
}
