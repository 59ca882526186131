using System.Diagnostics;
using System.Globalization;
using PluginBot.Sdk.Orders;

namespace PluginBot.Persistence.Tests;

/// <summary>
/// Kills a real writer process with SIGKILL while it commits batches and checks what survives: every batch it reported
/// committed, no half batch, and a client-order sequence that never goes backwards across restarts.
/// </summary>
public sealed class TradingStoreCrashTests : IDisposable
{
    private const string Strategy = "crash";
    private readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public async Task Open_AfterWriterKilledMidRun_HoldsAConsistentPrefixAndTheSequenceResumes()
    {
        var path = directory.File("host.db");

        var firstRun = await RunAndKillAsync(path, commitsBeforeKill: 40);
        AssertConsistent(path, firstRun.LastCommitted, out var nextAfterFirst);
        var secondRun = await RunAndKillAsync(path, commitsBeforeKill: 40);
        AssertConsistent(path, secondRun.LastCommitted, out var nextAfterSecond);

        Assert.Equal(1, firstRun.ReadySequence);
        Assert.Equal(nextAfterFirst, secondRun.ReadySequence);
        Assert.True(secondRun.FirstCommitted >= nextAfterFirst, $"the second run reused sequence {secondRun.FirstCommitted} below {nextAfterFirst}");
        Assert.True(nextAfterSecond > secondRun.LastCommitted);
    }

    private static void AssertConsistent(string path, long lastCommitted, out long nextSequence)
    {
        using var store = TradingStore.Open(path);
        var restore = store.Load(Strategy, recentDecisionCount: int.MaxValue);
        var orderIds = restore.Orders.Select(order => order.Request.ClientOrderId).ToHashSet(StringComparer.Ordinal);

        // Every batch the writer saw committed is there.
        for (var sequence = 1L; sequence <= lastCommitted; sequence++)
        {
            Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"{Strategy}-{sequence:D8}"), orderIds);
        }

        // No half batch: each order has its acceptance, its fill, its final state and its decision.
        Assert.All(restore.Orders, order =>
        {
            Assert.Equal([OrderStatus.Accepted, OrderStatus.Filled], order.Updates.Select(update => update.Status));
            Assert.Single(order.Fills);
        });
        Assert.Equal(restore.Orders.Count, restore.Fills.Count);
        Assert.Equal(restore.Orders.Count, restore.RecentDecisions.Count);
        Assert.Empty(restore.PositionMismatches);
        Assert.Empty(restore.UnacknowledgedOrders);
        nextSequence = restore.NextOrderSequence;
        Assert.True(nextSequence > lastCommitted);
        Assert.Equal(restore.Orders.Count + 1, nextSequence);
    }

    private static async Task<WriterRun> RunAndKillAsync(string path, int commitsBeforeKill)
    {
        var writer = Path.Combine(AppContext.BaseDirectory, "PluginBot.Persistence.CrashWriter.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(writer);
        start.ArgumentList.Add(path);
        start.ArgumentList.Add(Strategy);
        using var process = Process.Start(start)!;
        var ready = 0L;
        var first = 0L;
        var last = 0L;
        var commits = 0;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (commits < commitsBeforeKill)
        {
            var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
                       ?? throw new InvalidOperationException("the writer exited early: " + await process.StandardError.ReadToEndAsync());
            var parts = line.Split(' ');
            var number = long.Parse(parts[1], CultureInfo.InvariantCulture);
            if (parts[0] == "ready")
            {
                ready = number;
                continue;
            }

            first = first == 0 ? number : first;
            last = number;
            commits++;
        }

        // SIGKILL while it keeps writing: it is almost certainly inside a batch now.
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(timeout.Token);
        return new WriterRun(ready, first, last);
    }

    private sealed record WriterRun(long ReadySequence, long FirstCommitted, long LastCommitted);
}
