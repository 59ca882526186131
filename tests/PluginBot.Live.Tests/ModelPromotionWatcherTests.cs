using PluginBot.Engine.Backtest;
using PluginBot.Engine.Committees;
using PluginBot.Engine.Hosting;
using PluginBot.Experts.Onnx;
using PluginBot.Persistence;
using PluginBot.Sdk.Signals;

namespace PluginBot.Live.Tests;

/// <summary>
/// The paper host following a model registry while it trades the shipped BTCBUSD day: a promotion swaps exactly the
/// expert slots serving that model, a tampered model is refused, and the old model keeps deciding either way.
/// </summary>
public sealed class ModelPromotionWatcherTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private readonly ModelPromotionWorkspace workspace = new();

    [Fact]
    public async Task Poll_ProductionChangesWhileTheHostRuns_SwapsOnlyTheSlotServingThatModel()
    {
        var first = workspace.Register(ModelPromotionWorkspace.Kind);
        var second = workspace.Register(ModelPromotionWorkspace.Kind);
        var other = workspace.Register(ModelPromotionWorkspace.OtherKind);
        workspace.PromoteToProduction(first);
        workspace.PromoteToProduction(other);
        workspace.WriteComposition("promoted", "registry/BTCBUSD/direction-mlp/v0001", candidateModel: "registry/BTCBUSD/direction-mlp-other/v0001");
        workspace.WriteComposition("other", "registry/BTCBUSD/direction-mlp-other/v0001");
        // 20 bars a second: the 1440-bar day lasts 72 s, far longer than the promotion takes.
        var configuration = HostConfigurationLoader.Load(workspace.WriteHostConfiguration(watchIntervalMilliseconds: 50, speed: 1200, "promoted", "other"));
        Assert.Equal(workspace.Registry.Root, configuration.ModelRegistryPath);

        var (live, host) = await workspace.StartAsync(configuration);
        SwapRecord swap;
        using (host)
        {
            await using (live)
            {
                var promoted = live.Strategies.Single(s => s.Name == "promoted");
                var unrelated = live.Strategies.Single(s => s.Name == "other");
                // Past the feature warm-up, so the new model's warm-up on recent bars has something to show.
                await WaitFor(() => Task.FromResult(promoted.Session.BarsProcessed), bars => bars >= 80);

                workspace.PromoteToProduction(second);
                var swaps = await WaitFor(() => promoted.InvokeAsync(() => promoted.Session.SwapsFrom(0)), records => records.Count > 0);
                swap = Assert.Single(swaps);
                Assert.True(swap.Succeeded, swap.Error);
                Assert.Equal("onnx-expert", swap.Slot);
                Assert.Equal("1.0.0", swap.FromVersion);
                Assert.Equal("onnx-expert@1.0.0 model v0002", swap.ToVersion);
                Assert.StartsWith("warmed up on ", swap.Note, StringComparison.Ordinal);

                // The control slot serves the new folder with its other settings kept; the candidate slot (another
                // model of the same plugin) and the other strategy are untouched.
                var control = await promoted.InvokeAsync(() => (OnnxExpert)promoted.Session.Committee!.ExpertSlots[0].Current);
                Assert.Equal("BTCBUSD/direction-mlp/v0002", control.Model!.DisplayName);
                Assert.Equal(0.6, control.Threshold);
                Assert.Equal(second.Directory, promoted.Session.CommitteeExpertReference(BacktestSession.ControlExpertSet, "onnx-expert")!.Settings.GetPath("modelDirectory", ""));
                var candidate = await promoted.InvokeAsync(() => promoted.Session.CandidateCommittee!.ExpertSlots[0]);
                Assert.Equal("1.0.0", candidate.CurrentVersion);
                Assert.Equal("BTCBUSD/direction-mlp-other/v0001", await promoted.InvokeAsync(() => ((OnnxExpert)candidate.Current).Model!.DisplayName));

                // Decisions continue after the swap, with the new model voting (once its features are warm).
                await WaitFor(() => promoted.InvokeAsync(() => TrailAfter(promoted.Session.Committee!, swap.Time)), HasModelVote);

                // A new version of the plugin itself keeps serving the promoted folder, not the composition's.
                var pluginSwap = new TaskCompletionSource<SwapRecord>(TaskCreationOptions.RunContinuationsAsynchronously);
                Assert.Equal(2, promoted.Session.RequestSwap("onnx-expert", () => new OnnxExpert(), "1.0.1", record => pluginSwap.TrySetResult(record)));
                Assert.True((await pluginSwap.Task.WaitAsync(Timeout)).Succeeded);
                await WaitFor(() => promoted.InvokeAsync(() => promoted.Session.HasPendingSwaps), pending => !pending);
                Assert.Equal("BTCBUSD/direction-mlp/v0002", await promoted.InvokeAsync(() => ((OnnxExpert)promoted.Session.Committee!.ExpertSlots[0].Current).Model!.DisplayName));
                Assert.Equal("BTCBUSD/direction-mlp-other/v0001", await promoted.InvokeAsync(() => ((OnnxExpert)candidate.Current).Model!.DisplayName));

                Assert.Empty(await unrelated.InvokeAsync(() => unrelated.Session.SwapsFrom(0)));
                Assert.Equal("BTCBUSD/direction-mlp-other/v0001", await unrelated.InvokeAsync(() => ((OnnxExpert)unrelated.Session.Committee!.ExpertSlots[0].Current).Model!.DisplayName));
                Assert.Contains(live.Reports, line => line.StartsWith("model promotion: promoted control.onnx-expert now serves BTCBUSD/direction-mlp v0002", StringComparison.Ordinal));
                Assert.DoesNotContain(live.Reports, line => line.Contains("other control.", StringComparison.Ordinal) || line.Contains("candidate.", StringComparison.Ordinal));
            }
        }

        using var store = TradingStore.Open(Path.Combine(workspace.Root, "state", "store.db"));
        var restore = store.Load("promoted");
        Assert.Contains(restore.Swaps, stored => stored.RecordJson.Contains("onnx-expert@1.0.0 model v0002", StringComparison.Ordinal));
        Assert.Contains(restore.Swaps, stored => stored.RecordJson.Contains("onnx-expert@1.0.0 model v0002", StringComparison.Ordinal) && stored.RecordJson.Contains("\"Succeeded\":true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Poll_PromotedModelTamperedAfterPromotion_RefusesTheSwapAndTheOldModelKeepsDeciding()
    {
        var first = workspace.Register(ModelPromotionWorkspace.Kind);
        var second = workspace.Register(ModelPromotionWorkspace.Kind);
        workspace.PromoteToProduction(first);
        workspace.WriteComposition("promoted", "registry/BTCBUSD/direction-mlp/v0001");
        // The timer polls once a minute: this test polls by hand so the tampering lands before the watcher looks.
        var configuration = HostConfigurationLoader.Load(workspace.WriteHostConfiguration(watchIntervalMilliseconds: 60_000, speed: 1200, "promoted"));

        var (live, host) = await workspace.StartAsync(configuration);
        using (host)
        {
            await using (live)
            {
                var promoted = Assert.Single(live.Strategies);
                await WaitFor(() => Task.FromResult(promoted.Session.BarsProcessed), bars => bars >= 80);

                // A registration changes the registry's revision but not production: nothing to swap.
                workspace.Register(ModelPromotionWorkspace.Kind);
                Assert.Equal(0, live.Models!.Poll());

                workspace.PromoteToProduction(second);
                var model = Path.Combine(second.Directory, "model.onnx");
                var bytes = File.ReadAllBytes(model);
                bytes[^1] ^= 0xFF;
                File.WriteAllBytes(model, bytes);
                Assert.Equal(1, live.Models.Poll());

                var swap = Assert.Single(await WaitFor(() => promoted.InvokeAsync(() => promoted.Session.SwapsFrom(0)), records => records.Count > 0));
                Assert.False(swap.Succeeded);
                Assert.Equal("onnx-expert@1.0.0 model v0002", swap.ToVersion);
                Assert.Contains("sha256", swap.Error, StringComparison.Ordinal);

                var slot = await promoted.InvokeAsync(() => promoted.Session.Committee!.ExpertSlots[0]);
                Assert.Equal("1.0.0", slot.CurrentVersion);
                Assert.Equal(PluginHealth.Healthy, slot.Health);
                Assert.Equal("BTCBUSD/direction-mlp/v0001", await promoted.InvokeAsync(() => ((OnnxExpert)slot.Current).Model!.DisplayName));
                Assert.Equal(first.Directory, promoted.Session.CommitteeExpertReference(BacktestSession.ControlExpertSet, "onnx-expert")!.Settings.GetPath("modelDirectory", ""));
                await WaitFor(() => promoted.InvokeAsync(() => TrailAfter(promoted.Session.Committee!, swap.Time)), HasModelVote);
                Assert.Contains(live.Reports, line => line.StartsWith("model promotion: promoted control.onnx-expert refused BTCBUSD/direction-mlp v0002 and keeps serving v0001", StringComparison.Ordinal));

                // Nothing changed in production since: the refused swap is not asked for again on every poll.
                workspace.Register(ModelPromotionWorkspace.Kind);
                Assert.Equal(0, live.Models.Poll());
            }
        }

        using var store = TradingStore.Open(Path.Combine(workspace.Root, "state", "store.db"));
        var restore = store.Load("promoted");
        Assert.Single(restore.Swaps);
        Assert.DoesNotContain(restore.VersionsInUse, version => version.Kind == VersionKind.Model);
    }

    public void Dispose() => workspace.Dispose();

    private static bool HasModelVote(List<CommitteeTrailRecord> trail) =>
        trail.Any(record => record.Decision.Experts.Any(vote => vote.Name == "onnx-expert" && vote.Signal.Direction != SignalDirection.Hold));

    private static List<CommitteeTrailRecord> TrailAfter(CommitteeStrategy committee, DateTime time) =>
        committee.Trail.Where(record => record.Time > time).ToList();

    private static async Task<T> WaitFor<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (watch.Elapsed > Timeout)
            {
                throw new TimeoutException($"the condition did not hold within {Timeout}");
            }

            await Task.Delay(20);
        }
    }
}
